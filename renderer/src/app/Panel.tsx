import type { ReactNode } from 'react';

export function Panel({
  title,
  area,
  children,
  actions,
}: {
  title: string;
  area: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className={`panel panel-${area}`} aria-label={title} data-testid={`panel-${area}`}>
      <header className="panel-header">
        <h2>{title}</h2>
        {actions}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
