import { useState } from 'react';
import { catalog, type CatalogProvider } from '../../../../common/catalog';
import { useApi } from '../../api/ApiContext';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useKeys, type KeyStatus } from './useKeys';

function KeyRow({
  provider,
  status,
  onSave,
  onTest,
  onClear,
}: {
  provider: CatalogProvider;
  status: KeyStatus | undefined;
  onSave: (key: string) => Promise<string | null>;
  onTest: () => Promise<void>;
  onClear: () => Promise<void>;
}) {
  const api = useApi();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const configured = status?.configured ?? false;
  const inputId = `key-${provider.id}`;

  const save = async () => {
    setBusy(true);
    const message = await onSave(draft);
    setBusy(false);
    setError(message);
    if (message === null) setDraft('');
  };

  return (
    <li className="key-row" data-testid={`key-row-${provider.id}`}>
      <div className="key-row-head">
        <label className="key-provider" htmlFor={inputId}>
          {provider.label}
        </label>
        {configured ? (
          <Badge tone="ok">
            Configured{status?.source === 'env' ? ` (${status.envVariable ?? 'environment'})` : ''}
          </Badge>
        ) : (
          <Badge>Not configured</Badge>
        )}
        {status?.test && (
          <Badge tone={status.test.ok ? 'ok' : 'danger'}>
            {status.test.ok ? 'Key works' : 'Test failed'}
          </Badge>
        )}
        {provider.keysLink && (
          <button
            type="button"
            className="link-button key-link"
            onClick={() =>
              provider.keysLink && void api.invoke('app:openExternal', { link: provider.keysLink })
            }
          >
            Get a key ↗
          </button>
        )}
      </div>
      <form
        className="key-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) void save();
        }}
      >
        <input
          id={inputId}
          className="input key-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={configured ? '•••••••• stored — paste a new key to replace it' : 'Paste your API key'}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-describedby={`${inputId}-help`}
          data-testid={`key-input-${provider.id}`}
        />
        <Button
          type="submit"
          variant="primary"
          disabled={busy || draft.trim() === ''}
          data-testid={`key-save-${provider.id}`}
        >
          Save
        </Button>
        <Button
          disabled={busy || !configured}
          onClick={() => void onTest()}
          data-testid={`key-test-${provider.id}`}
        >
          Test
        </Button>
        <Button
          variant="ghost"
          disabled={busy || !configured || status?.source === 'env'}
          onClick={() => void onClear()}
        >
          Remove
        </Button>
      </form>
      <div className="field-hint" id={`${inputId}-help`}>
        {provider.keyEnv.length > 0 && <>Also read from {provider.keyEnv.join(' or ')}. </>}
        {status?.test && <span data-testid={`key-test-result-${provider.id}`}>{status.test.detail}</span>}
      </div>
      {error && (
        <div className="error-text key-error" role="alert">
          {error}
        </div>
      )}
    </li>
  );
}

/**
 * API keys per provider. The page never sees a stored key: it sends a new one once, and from then
 * on only learns "configured / not configured" and the result of a test.
 */
export function KeysSection() {
  const keys = useKeys();
  const remote = catalog.filter((provider) => provider.requiresKey);
  return (
    <div className="settings-section" data-testid="settings-keys">
      <p className={keys.storage.weak ? 'settings-lead is-weak' : 'settings-lead'} data-testid="key-storage">
        {keys.storage.text}
      </p>
      {keys.message && (
        <div className="error-text" role="alert">
          {keys.message}
        </div>
      )}
      <ul className="key-list">
        {remote.map((provider) => (
          <KeyRow
            key={provider.id}
            provider={provider}
            status={keys.byProvider.get(provider.id)}
            onSave={(key) => keys.set(provider.id, key)}
            onTest={() => keys.test(provider.id)}
            onClear={() => keys.clear(provider.id)}
          />
        ))}
      </ul>
    </div>
  );
}
