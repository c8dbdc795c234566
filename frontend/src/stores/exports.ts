import * as Exports from "../../wailsjs/go/app/Exports";
import { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";
import { fallbackFormats, type FormatChoice } from "../screens/exports/logic";

export type ExportFilter = app.ExportFilterInput;
export type ExportPreview = app.ExportPreviewDTO;
export type ExportBatch = app.ExportBatchDTO;

interface ExportsState {
  filter: ExportFilter;
  path: string;
  folder: string;
  busy: boolean;
  preview: ExportPreview | null;
  last: ExportBatch | null;
  history: ExportBatch[];
  formats: FormatChoice[];
}

const emptyFilter: ExportFilter = {
  profileId: 0,
  format: "csv",
  from: "",
  to: "",
  by: "item-date",
  onlyInvoiced: true,
  linesOfBusiness: [],
  companies: [],
  billingCodeTypes: [],
  includeExported: false,
};

export const exportsStore = createStore<ExportsState>({ filter: emptyFilter, path: "", folder: "", busy: false, preview: null, last: null, history: [], formats: fallbackFormats });

export async function loadFormats(): Promise<void> {
  const formats = await attempt(() => Exports.Formats());
  if (formats && formats.length > 0) exportsStore.set((s) => ({ ...s, formats }));
}

export function setFilter(patch: Partial<ExportFilter>): void {
  exportsStore.set((s) => ({ ...s, filter: { ...s.filter, ...patch }, preview: null }));
}

export function setPath(path: string): void {
  exportsStore.set((s) => ({ ...s, path }));
}

export async function loadExportDefaults(profileId: number): Promise<void> {
  const d = await attempt(() => Exports.Defaults(profileId));
  if (d) exportsStore.set((s) => ({ ...s, folder: d.folder, filter: { ...s.filter, profileId, from: d.from, to: d.to }, preview: null, last: null }));
  await loadExportHistory(profileId);
}

export async function loadExportHistory(profileId: number): Promise<void> {
  const history = await attempt(() => Exports.History(profileId));
  if (history) exportsStore.set((s) => ({ ...s, history }));
}

export async function previewExport(): Promise<void> {
  const { filter } = exportsStore.get();
  exportsStore.set((s) => ({ ...s, busy: true }));
  const preview = await attempt(() => Exports.Preview(filter));
  exportsStore.set((s) => ({ ...s, busy: false, preview: preview ?? null }));
}

export async function runExport(): Promise<void> {
  const { filter, path } = exportsStore.get();
  exportsStore.set((s) => ({ ...s, busy: true }));
  const last = await attempt(() => Exports.Export(app.ExportInput.createFrom({ filter, path })));
  exportsStore.set((s) => ({ ...s, busy: false, last: last ?? null }));
  if (last) await loadExportHistory(filter.profileId);
}

export async function deleteBatch(id: number): Promise<void> {
  const ok = await attempt(async () => {
    await Exports.DeleteBatch(id);
    return true;
  });
  if (ok) await loadExportHistory(exportsStore.get().filter.profileId);
}
