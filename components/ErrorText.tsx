/** An error in words, announced to screen readers as it appears. */
export function ErrorText({ id, text }: { id?: string; text: string | null }) {
  return text ? (
    <p id={id} class="error" role="alert">
      {text}
    </p>
  ) : null;
}
