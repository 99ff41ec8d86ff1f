import { type ComponentType, lazy } from "react";

/** A component fetched with its code the first time it renders (inside a Suspense). */
export const lazyComponent = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(async () => ({ default: await load() }));
