import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A section further down the page, loaded while the top renders: the page's first frame does not
 * wait for code the user scrolls to later.
 */
export function lazySection<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loading: Promise<FunctionComponent<P>> | null = null;
  return function LazySection(props: P) {
    const [Section, setSection] = useState<FunctionComponent<P> | null>(null);
    useEffect(() => {
      void (loading ??= load()).then((loaded) => setSection(() => loaded));
    }, []);
    return Section && <Section {...props} />;
  };
}
