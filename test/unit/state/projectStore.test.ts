import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProjectChange, ProjectSnapshot, Result, ShotloomApi } from '../../../common/contract';
import { newProject } from '../../../common/model';
import { ApiProvider } from '../../../renderer/src/api/ApiContext';
import {
  ProjectStoreProvider,
  createProjectStore,
  createUiStore,
  useProjectState,
  useUiState,
} from '../../../renderer/src/state';

function snapshot(revision: number, name = 'P', folder = '/p'): ProjectSnapshot {
  return {
    folder,
    folderName: 'p',
    document: { ...newProject({ name }), name },
    revision,
    dirty: revision > 1,
    missingAssetIds: [],
    canUndo: revision > 1,
    canRedo: false,
    undoLabel: null,
    redoLabel: null,
  };
}

/** A fake host: answers project:* from a script and lets the test push events. */
function fakeApi(initial: ProjectSnapshot | null) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { channel: string; request: unknown }[] = [];
  let current = initial;
  let answerEditWith: ProjectSnapshot | null = null;
  const api = {
    async invoke(channel: string, request: unknown): Promise<Result<unknown>> {
      calls.push({ channel, request });
      if (channel === 'project:get') return { ok: true, value: current };
      if (channel === 'project:edit' && answerEditWith) return { ok: true, value: answerEditWith };
      return { ok: false, error: { code: 'EDIT_REFUSED', message: 'no' } };
    },
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    host: { kind: 'web' as const, mediaUrl: (id: string) => `/media/${id}` },
  };
  return {
    api: api as unknown as ShotloomApi,
    calls,
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
    listenerCount: () => [...listeners.values()].reduce((total, set) => total + set.size, 0),
    setCurrent: (value: ProjectSnapshot | null) => (current = value),
    answerEdit: (value: ProjectSnapshot) => (answerEditWith = value),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the renderer project store', () => {
  it('loads with project:get, follows project:changed in revision order, and project:closed', async () => {
    const host = fakeApi(snapshot(1));
    const store = createProjectStore(host.api);
    expect(store.getState().status).toBe('loading');
    await tick();
    expect(store.getState()).toMatchObject({ status: 'open', snapshot: { revision: 1 } });
    let notified = 0;
    store.subscribe(() => (notified += 1));
    const change: ProjectChange = { ...snapshot(3, 'Newer'), label: 'Edit' };
    host.emit('project:changed', change);
    expect(store.getState()).toMatchObject({
      status: 'open',
      snapshot: { revision: 3, document: { name: 'Newer' } },
    });
    // a late, older snapshot (an edit's answer arriving after the event) is ignored
    host.answerEdit(snapshot(2, 'Older'));
    const result = await store.edit({ type: 'renameProject', name: 'Older' });
    expect(result.ok).toBe(true);
    expect(store.getState()).toMatchObject({ snapshot: { revision: 3 } });
    // a save changes only the dirty flag at the same revision, and is taken
    host.emit('project:changed', { ...snapshot(3, 'Newer'), dirty: false, label: 'Save' });
    expect(store.getState()).toMatchObject({ snapshot: { revision: 3, dirty: false } });
    // another project replaces it whatever its revision
    host.emit('project:changed', { ...snapshot(1, 'Other', '/other'), label: 'Open project' });
    expect(store.getState()).toMatchObject({ snapshot: { folder: '/other' } });
    host.emit('project:closed', { folder: '/other' });
    expect(store.getState().status).toBe('none');
    expect(notified).toBe(4);
    store.dispose();
    expect(host.listenerCount()).toBe(0);
  });

  it('sends edits with their coalesce key, and reports refusals without changing state', async () => {
    const host = fakeApi(null);
    const store = createProjectStore(host.api);
    await tick();
    expect(store.getState().status).toBe('none');
    const refused = await store.edit({ type: 'renameProject', name: 'x' }, 'field:name');
    expect(refused).toMatchObject({ ok: false, error: { code: 'EDIT_REFUSED' } });
    expect(host.calls.at(-1)).toEqual({
      channel: 'project:edit',
      request: { command: { type: 'renameProject', name: 'x' }, coalesceKey: 'field:name' },
    });
    expect(store.getState().status).toBe('none');
  });

  it('keeps UI state apart: clamped playhead and zoom, never sent to the core', () => {
    const ui = createUiStore();
    ui.set({ playheadFrame: -5.4, pixelsPerFrame: 1000 });
    expect(ui.getState()).toMatchObject({ playheadFrame: 0, pixelsPerFrame: 64 });
    ui.set((state) => ({ playheadFrame: state.playheadFrame + 12.6, selectedItemIds: ['c1'] }));
    expect(ui.getState()).toMatchObject({ playheadFrame: 13, selectedItemIds: ['c1'] });
  });

  it('gives components the open project and UI state through the provider', () => {
    const host = fakeApi(snapshot(1));
    function Probe() {
      const project = useProjectState();
      const [playhead] = useUiState((state) => state.playheadFrame);
      return createElement('span', null, `${project.state.status}:${project.canUndo}:${playhead}`);
    }
    const html = renderToString(
      createElement(ApiProvider, {
        api: host.api,
        children: createElement(ProjectStoreProvider, null, createElement(Probe)),
      }),
    );
    expect(html).toContain('loading:false:0');
    expect(host.calls[0]?.channel).toBe('project:get');
  });
});
