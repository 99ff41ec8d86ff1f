/** Hocuspocus 4.7.0 with no extensions, on a free loopback port. */
import { serveHocuspocus } from "../lib/hocuspocus";

await serveHocuspocus([]);
