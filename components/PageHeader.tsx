/** The heading of a full-tab extension page, beside the extension's icon. */
export function PageHeader({ title }: { title: string }) {
  return (
    <header class="page-header">
      <img src="/icon/48.png" alt="" width={32} height={32} />
      <h1>{title}</h1>
    </header>
  );
}
