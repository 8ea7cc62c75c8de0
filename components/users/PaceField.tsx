import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';

const MAX_PACE_S = 10;

interface PaceFieldProps {
  seconds: number;
  readOnly: boolean;
  onChange(seconds: number): void;
  /** When the next request goes (ms), while the run waits: shown as time left. */
  nextAt: number | null;
}

/** The pause between users, 0–10 s, and the time left before the next one while a run waits. */
export function PaceField({ seconds, readOnly, onChange, nextAt }: PaceFieldProps) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (nextAt === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [nextAt]);
  const left = nextAt === null ? 0 : Math.max(0, nextAt - now);
  return (
    <div class="field pace">
      <label for="batch-pace">{t('users_pace')}</label>
      <input
        id="batch-pace"
        type="number"
        min={0}
        max={MAX_PACE_S}
        step={0.1}
        value={seconds}
        readOnly={readOnly}
        aria-describedby="batch-pace-hint"
        onChange={(e) => {
          const value = e.currentTarget.valueAsNumber;
          onChange(Number.isNaN(value) ? 1 : Math.min(MAX_PACE_S, Math.max(0, value)));
        }}
      />
      <p id="batch-pace-hint" class="hint">{t('users_pace_hint')}</p>
      {/* Not a live region: read on demand; ten announcements a second would drown the progress. */}
      <p class="hint next-in">{left > 0 && t('users_next_in', (left / 1000).toFixed(1))}</p>
    </div>
  );
}
