// Copies a text with navigator.clipboard and says so for two seconds.
import { useState } from 'preact/hooks';

export interface CopyButtonProps {
  text: string;
  labels: { copy: string; copied: string; failed: string };
}

export function CopyButton({ text, labels }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button
      type="button"
      class={`rg-btn rg-btn--small${state === 'copied' ? ' rg-btn--ok' : ''}`}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        void copy();
      }}
    >
      {state === 'copied' ? labels.copied : state === 'failed' ? labels.failed : labels.copy}
    </button>
  );
}
