import { t } from '../../lib/browser/i18n';
import { policyProblemText } from '../../lib/settings/policy-problem-text';
import { policyStateItem } from '../../lib/storage';
import { useStored } from '../use-stored';

/**
 * What the organisation's policy does here: a note when it applies, or, when it cannot be used,
 * an alert with each problem in words (the settings stay as the last valid policy left them).
 */
export function PolicyNotice() {
  const state = useStored(policyStateItem);
  if (state?.kind === 'applied') return <p class="intro">{t('policy_applied')}</p>;
  if (state?.kind !== 'invalid') return null;
  return (
    <div class="error" role="alert">
      <p>{t('policy_invalid')}</p>
      <ul>
        {state.problems.map((problem) => (
          <li key={`${problem.path} ${problem.code}`}>
            {policyProblemText(problem)} <code>{problem.path}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
