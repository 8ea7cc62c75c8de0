interface RadioGroupProps<T extends string> {
  name: string;
  legend: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(value: T): void;
}

/** One choice out of a few, as a fieldset of radios (arrow keys move between them). */
export function RadioGroup<T extends string>({ name, legend, value, options, onChange }: RadioGroupProps<T>) {
  return (
    <fieldset class="radio-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label class="check" key={option.value}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
