import * as Lists from "../../wailsjs/go/app/Lists";
import { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";

export type SavedFile = app.SavedFileDTO;
export type ListFormat = "csv" | "xlsx";

/** saveList writes a list as the user filtered it to a CSV or Excel file in the data folder's exports folder. */
export async function saveList(name: string, columns: string[], rows: string[][], format: ListFormat): Promise<SavedFile | undefined> {
  return attempt(() => Lists.SaveList(app.ListExportInput.createFrom({ name, columns, rows, format, path: "" })));
}
