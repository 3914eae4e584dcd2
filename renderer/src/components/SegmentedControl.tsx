import { Icon, type IconName } from './Icon';

export interface Segment<T extends string> {
  value: T;
  label: string;
  icon?: IconName;
}

/** A row of mutually exclusive toggle buttons (a radio group), e.g. grid / list. */
export function SegmentedControl<T extends string>({
  label,
  segments,
  value,
  onChange,
  iconOnly = false,
}: {
  label: string;
  segments: readonly Segment<T>[];
  value: T;
  onChange: (value: T) => void;
  iconOnly?: boolean;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {segments.map((segment) => (
        <button
          key={segment.value}
          type="button"
          role="radio"
          aria-checked={segment.value === value}
          aria-label={segment.label}
          title={segment.label}
          className={segment.value === value ? 'segment is-active' : 'segment'}
          onClick={() => onChange(segment.value)}
        >
          {segment.icon && <Icon name={segment.icon} size={14} />}
          {!iconOnly && <span>{segment.label}</span>}
        </button>
      ))}
    </div>
  );
}
