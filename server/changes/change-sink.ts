import 'server-only';
import type { ChangeInput } from '../history/types';

/** Where the recorder hands its entries, in observation order (the history writer has this shape). */
export interface ChangeSink {
  record(inputs: ChangeInput[]): void;
}
