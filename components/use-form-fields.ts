import { createRef, type RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';

/**
 * A form's text fields: their values, an error per field (cleared as it is edited), and
 * `refuse`, which shows the errors and puts the focus on the first field in error.
 */
export function useFormFields<F extends string>(order: readonly F[], initial: Record<F, string>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const inputs = useRef(
    Object.fromEntries(order.map((field) => [field, createRef<HTMLInputElement>()])) as Record<F, RefObject<HTMLInputElement>>,
  ).current;

  const edit = (field: F) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const refuse = (found: Partial<Record<F, string>>) => {
    setErrors(found);
    const first = order.find((field) => found[field]);
    if (first) inputs[first].current?.focus();
  };
  return { values, setValues, errors, setErrors, inputs, edit, refuse };
}
