import type { ReactNode } from 'react';

/** A titled block of a long form: explanation on the left, fields on the right. */
export function FormSection({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-label={title}>
      <div className="form-section-intro">
        <h2>{title}</h2>
        <p>{description}</p>
      </div>
      <div className="form-fields">{children}</div>
    </section>
  );
}
