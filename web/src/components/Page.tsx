import { useEffect, type ReactNode } from 'react';

interface PageProps {
  title: string;
  // A line under the title.
  subtitle?: ReactNode;
  // Buttons or links at the title's right.
  actions?: ReactNode;
  children: ReactNode;
}

// A routed page: its heading (the document title too) and content.
export function Page({ title, subtitle, actions, children }: PageProps) {
  useEffect(() => {
    document.title = `${title} · CIM`;
  }, [title]);
  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1>{title}</h1>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

interface CardProps {
  title?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
  // Test and styling hook.
  id?: string;
}

export function Card({ title, actions, className, children, id }: CardProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={headingId} data-testid={id}>
      {(title || actions) && (
        <div className="card__head">
          {title && <h2 id={headingId}>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
