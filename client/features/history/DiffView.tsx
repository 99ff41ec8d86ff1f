/**
 * The differences between two states of a document, in the editor's own rendering: the
 * newer text, read-only, with its additions marked (<ins>) and its deletions shown where
 * they stood (<del>); for registries and boards, the rows and cards added, removed and
 * changed.
 */
import { type Editor, Extension, getSchema } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { EditorContent, useEditor } from "@tiptap/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { bodyExtensions } from "../../editor/extensions";
import { diffRecords, type ListChanges, recordLabel, recordListsOf } from "./records";
import { bodyOf, type TextChange, textChanges } from "./textChanges";
import "./strings";
import "./history.css";

/** Marks the changes on the rendered text; the text itself stays the newer one. */
const changeMarks = (changes: readonly TextChange[], deletedLabel: (text: string) => string) =>
  Extension.create({
    name: "versionDiff",
    addProseMirrorPlugins() {
      return [
        new Plugin({
          props: {
            decorations(state) {
              const decorations: Decoration[] = [];
              for (const change of changes) {
                if (change.to > change.from) {
                  decorations.push(
                    Decoration.inline(change.from, change.to, {
                      nodeName: "ins",
                      class: "diff-added",
                    }),
                  );
                }
                if (change.deleted) {
                  decorations.push(
                    Decoration.widget(
                      change.from,
                      () => {
                        const deleted = document.createElement("del");
                        deleted.className = "diff-deleted";
                        deleted.title = deletedLabel(change.deleted);
                        deleted.textContent = change.deleted;
                        return deleted;
                      },
                      { side: -1 },
                    ),
                  );
                }
              }
              return DecorationSet.create(state.doc, decorations);
            },
          },
        }),
      ];
    },
  });

export function DiffView({ before, after }: { before: Uint8Array; after: Uint8Array }) {
  const { t } = useTranslation("history");
  const schema = useMemo(() => getSchema(bodyExtensions()), []);
  const text = useMemo(() => {
    const [old, now] = [bodyOf(before, schema), bodyOf(after, schema)];
    return { now, changes: textChanges(old, now) };
  }, [before, after, schema]);
  const records = useMemo(
    () => diffRecords(recordListsOf(before), recordListsOf(after)),
    [before, after],
  );
  const structured = useMemo(() => recordListsOf(after).size > 0, [after]);
  return (
    <section className="diff" aria-labelledby="diff-title">
      <h2 id="diff-title">{t("diff.title")}</h2>
      <p className="muted">{t("diff.legend")}</p>
      {text.changes.length === 0 ? <p>{t("diff.none")}</p> : null}
      <DiffText
        json={text.now.toJSON()}
        changes={text.changes}
        deletedLabel={(deleted) => t("diff.deleted", { text: deleted })}
      />
      {structured ? <RecordChanges changes={records} /> : null}
    </section>
  );
}

function DiffText({
  json,
  changes,
  deletedLabel,
}: {
  json: Record<string, unknown>;
  changes: readonly TextChange[];
  deletedLabel(text: string): string;
}) {
  const { t } = useTranslation("history");
  const editor: Editor | null = useEditor(
    {
      extensions: [...bodyExtensions(), changeMarks(changes, deletedLabel)],
      content: json,
      editable: false,
      immediatelyRender: true,
      editorProps: {
        attributes: { class: "prose", role: "document", "aria-label": t("diff.text") },
      },
    },
    [json, changes],
  );
  return <EditorContent editor={editor} className="diff__text editor" />;
}

function RecordChanges({ changes }: { changes: readonly ListChanges[] }) {
  const { t } = useTranslation("history");
  const listName = (list: string) =>
    list in listLabels ? t(`lists.${list as keyof typeof listLabels}`) : list;
  return (
    <section className="diff__records" aria-labelledby="diff-records-title">
      <h3 id="diff-records-title">{t("diff.records")}</h3>
      {changes.length === 0 ? <p>{t("diff.noRecords")}</p> : null}
      {changes.map((change) => (
        <div key={change.list} className="diff__list">
          <h4>{listName(change.list)}</h4>
          {change.added.length > 0 ? (
            <p>
              <strong>{t("diff.addedRows")} : </strong>
              {change.added.map((row) => (
                <ins key={recordLabel(row)} className="diff-added">
                  {recordLabel(row)}
                </ins>
              ))}
            </p>
          ) : null}
          {change.removed.length > 0 ? (
            <p>
              <strong>{t("diff.removedRows")} : </strong>
              {change.removed.map((row) => (
                <del key={recordLabel(row)} className="diff-deleted">
                  {recordLabel(row)}
                </del>
              ))}
            </p>
          ) : null}
          {change.changed.length > 0 ? (
            <p>
              <strong>{t("diff.changedRows")} : </strong>
              {change.changed
                .map(({ after, fields }) =>
                  t("diff.changedFields", { label: recordLabel(after), fields: fields.join(", ") }),
                )
                .join(" ; ")}
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}

const listLabels = {
  actors: 1,
  needs: 1,
  findings: 1,
  trends: 1,
  sources: 1,
  meetings: 1,
  themes: 1,
  columns: 1,
  cards: 1,
} as const;
