// A small coloured badge for what the client bought. Generic: the label comes from the caller.
export interface ServiceBadgeProps {
  service: 'management' | 'complex' | null;
  label: string;
}

export function ServiceBadge({ service, label }: ServiceBadgeProps) {
  return (
    <span class={`rg-badge rg-badge--${service ?? 'none'}`} data-service={service ?? 'none'}>
      {label}
    </span>
  );
}
