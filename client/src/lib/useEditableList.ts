// A list of drafts edited in place by id (themes, tables, extra delegations on the create form).
import { useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react';

export interface EditableList<T extends { id: string }> {
  set: Dispatch<SetStateAction<T[]>>;
  add: (make: (items: T[]) => T) => void;
  patch: (id: string, patch: Partial<T>) => void;
  remove: (id: string) => void;
}

export function useEditableList<T extends { id: string }>(initial: T[] = []): [T[], EditableList<T>] {
  const [items, set] = useState<T[]>(initial);
  const add = useCallback((make: (items: T[]) => T) => set((xs) => [...xs, make(xs)]), []);
  const patch = useCallback((id: string, p: Partial<T>) => set((xs) => xs.map((x) => (x.id === id ? { ...x, ...p } : x))), []);
  const remove = useCallback((id: string) => set((xs) => xs.filter((x) => x.id !== id)), []);
  return [items, useMemo(() => ({ set, add, patch, remove }), [add, patch, remove])];
}
