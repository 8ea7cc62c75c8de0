// The one way into what the Export and import section loads on first use: a single lazy
// chunk, so the bundler does not split the page's shared code around several.
export { EXPORT_FILE_NAME, exportSettings } from '../../lib/settings/transfer';
export { ImportPreview, openImport, type OpenedImport } from './ImportPreview';
