import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../common/contract';
import { useApi } from '../api/ApiContext';

/** Runs `handler` when the application menu sends `command` (app:menuCommand). */
export function useMenuCommand(command: MenuCommand, handler: () => void): void {
  const api = useApi();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      api.on('app:menuCommand', (payload) => {
        if (payload.command === command) latest.current();
      }),
    [api, command],
  );
}
