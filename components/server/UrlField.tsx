import { TextField, type TextFieldProps } from '../TextField';

/** A labelled URL input whose hint, warning and error are announced with it. */
export function UrlField(props: Omit<TextFieldProps, 'type' | 'autoComplete'>) {
  return <TextField {...props} type="url" autoComplete="url" />;
}
