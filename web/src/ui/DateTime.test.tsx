import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DateTime } from './DateTime';

// vite.config.ts runs the tests in Asia/Kolkata (UTC+05:30).
describe('DateTime', () => {
  it('shows local time, with the UTC instant on hover and for machines', () => {
    render(<DateTime value="2031-05-01T21:00:00Z" />);
    const time = screen.getByText('May 2, 2031, 2:30 AM');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('title', '2031-05-01 21:00:00 UTC');
    expect(time).toHaveAttribute('datetime', '2031-05-01T21:00:00Z');
  });

  it('adds seconds where the order of close events matters', () => {
    render(<DateTime value="2031-05-01T21:00:07.120Z" seconds />);
    expect(screen.getByText('May 2, 2031, 2:30:07 AM')).toHaveAttribute('title', '2031-05-01 21:00:07 UTC');
  });

  it('shows the fallback for a missing value', () => {
    const { container } = render(<DateTime value={null} fallback="Never" />);
    expect(container).toHaveTextContent('Never');
    expect(container.querySelector('time')).toBeNull();
  });
});
