import { useId, useRef, useState } from 'react';
import { Button } from '../ui/Button';

/**
 * A secret the server shows once (an API key, an invitation link): read-only, selectable, with a copy
 * button. Where the clipboard is refused, the text is selected so the operator can copy it by hand.
 */
export function OneTimeSecret({ label, value, note, onDone }: { label: string; value: string; note: string; onDone: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied to the clipboard.');
    } catch {
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  };

  return (
    <div className="one-time-secret">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="one-time-secret-row">
        <input
          ref={input}
          id={id}
          className="input mono"
          readOnly
          value={value}
          aria-describedby={`${id}-note`}
          onFocus={(event) => event.target.select()}
        />
        {/* Named after the secret: an API key's and an invitation's may be on screen together. */}
        <Button onClick={copy} aria-label={`Copy ${label}`}>
          Copy
        </Button>
        <Button variant="ghost" onClick={onDone} aria-label={`Done, hide ${label}`}>
          Done
        </Button>
      </div>
      <span className="field-hint" id={`${id}-note`}>
        {note}
      </span>
      <span className="one-time-secret-status" role="status">
        {copied}
      </span>
    </div>
  );
}
