/** Where a notification's subject opens in the client. */
import type { SubjectType } from "../../../shared/notifications";

export function subjectLink(
  poleId: string,
  subject: { type: SubjectType; id: string; detail: string | null },
): string {
  switch (subject.type) {
    case "document":
      return `/d/${subject.id}`;
    case "decision":
      return `/p/${poleId}/decisions/${subject.id}`;
    case "meeting":
      return `/p/${poleId}/reunions/${subject.id}`;
    // A task is listed in its meeting (its id in `detail`), and under "Mes tâches" at home.
    case "task":
      return subject.detail ? `/p/${poleId}/reunions/${subject.detail}` : `/p/${poleId}`;
    case "person":
      return `/p/${poleId}/personnes/${subject.id}`;
  }
}
