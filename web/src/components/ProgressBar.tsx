interface ProgressBarProps {
  // 0 to 100.
  percent: number;
  // What the bar measures, for assistive technology ("Progress to Silver").
  label: string;
  // The value in words ("580 points to go").
  valueText?: string;
  tone?: 'brand' | 'accent' | 'success';
}

export function ProgressBar({ percent, label, valueText, tone = 'brand' }: ProgressBarProps) {
  const value = Math.max(0, Math.min(100, Math.floor(percent)));
  return (
    <div
      className={`progress progress--${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={valueText}
    >
      <div className="progress__fill" style={{ width: `${value}%` }} />
    </div>
  );
}
