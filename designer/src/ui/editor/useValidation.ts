import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem, Procedure, UnitCatalog } from '../../../../engine/index.ts';
import { validate } from '../../validator.ts';

/**
 * Live validation: the problems of the procedure as last checked, and which procedure they are
 * for. One check runs at a time; edits made meanwhile are checked next, latest only.
 */
export function useValidation(
  procedure: Procedure,
  units: UnitCatalog,
): { problems: readonly Problem[]; checked: Procedure | null } {
  const [state, setState] = useState<{ problems: readonly Problem[]; checked: Procedure | null }>({
    problems: [],
    checked: null,
  });
  const latest = useRef(procedure);
  latest.current = procedure;
  const inFlight = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const check = useCallback(() => {
    if (inFlight.current) return;
    const p = latest.current;
    inFlight.current = true;
    void validate(p, units).then((problems) => {
      inFlight.current = false;
      if (!mounted.current) return;
      performance.mark('motcua:validated');
      setState({ problems, checked: p });
      if (latest.current !== p) check();
    });
  }, [units]);
  useEffect(() => check(), [procedure, check]);
  return state;
}
