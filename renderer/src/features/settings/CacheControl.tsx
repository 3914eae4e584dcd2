import { useEffect, useState } from 'react';
import type { CacheInfo } from '../../../../common/contract';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { formatBytes } from '../../components/format';

/** The open project's cache/ size, and emptying it (thumbnails, peaks and proxies are made again). */
export function CacheControl() {
  const api = useApi();
  const [info, setInfo] = useState<CacheInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.invoke('media:cacheInfo', {}).then((result) => {
      if (!live) return;
      if (result.ok) setInfo(result.value);
      else setMessage(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const clear = async () => {
    setBusy(true);
    const result = await api.invoke('media:clearCache', {});
    setBusy(false);
    if (result.ok) {
      setInfo(result.value);
      setMessage(`Freed ${formatBytes(result.value.removedBytes)}.`);
    } else {
      setMessage(result.error.message);
    }
  };

  return (
    <div className="cache-control" data-testid="cache-control">
      <span>
        {info === null
          ? 'Measuring…'
          : `${formatBytes(info.bytes)} in ${info.files.toLocaleString()} file${info.files === 1 ? '' : 's'}`}
      </span>
      <Button icon="trash" onClick={() => void clear()} disabled={busy || info === null || info.files === 0}>
        Empty cache
      </Button>
      {message && (
        <span className="settings-dim" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
