import { updateSettings } from './save-settings';
import { applyImport, planImport, type ImportFile, type ImportPlan } from './transfer';

/**
 * Applies an import file to the settings stored at that moment (planned again on them: another
 * page may have changed them since the preview). Through updateSettings, as every writer of the
 * settings: the permission of a server no profile uses any more (one the import replaced) is
 * given back. Resolves the plan applied.
 */
export async function saveImport(file: ImportFile): Promise<ImportPlan> {
  let applied!: ImportPlan;
  await updateSettings((current) => {
    applied = planImport(current, file);
    return applyImport(current, applied);
  });
  return applied;
}
