/**
 * A meeting's task turned into a card of its circle's board, linked both ways: the task
 * keeps the card (task_cards), the card carries the task and its meeting (written on the
 * card by the server, so every open board shows where it came from). Once per task.
 */
import type { TaskView } from "../../shared/api/meetings";
import { addCard, cardsOf, newBoardId, readColumns } from "../../shared/board-doc";
import { canTurnTaskIntoCard } from "../../shared/permissions";
import { audit } from "./audit";
import { DomainError, forbidden, notFound } from "./errors";
import type { MeetingContext } from "./meeting-access";
import { presentTasks, taskFor } from "./tasks";

const alreadyCard = () => new DomainError("conflict", "Cette tâche est déjà une carte du tableau.");

export async function turnTaskIntoCard(
  { db, live, poleEvents }: MeetingContext,
  actorId: string,
  { taskId }: { taskId: string },
  now = Date.now(),
): Promise<TaskView> {
  const { task, member } = await taskFor(db, actorId, taskId);
  if (!canTurnTaskIntoCard(member, task.circle_id)) {
    throw forbidden("Seuls ceux qui modifient le tableau du cercle y ajoutent une carte.");
  }
  const board = await db
    .selectFrom("documents")
    .select("id")
    .where("pole_id", "=", task.pole_id)
    .where("circle_id", "=", task.circle_id)
    .where("kind", "=", "board")
    .where("archived_at", "is", null)
    .orderBy("created_at")
    .executeTakeFirst();
  if (!board) {
    throw new DomainError(
      "conflict",
      "Ce cercle n'a pas de tableau de projets : seuls les groupes thématiques en ont un.",
    );
  }
  const cardId = newBoardId();
  // The row claims the task first: of two people converting it at once, one gets 409.
  const claimed = await db
    .insertInto("task_cards")
    .values({
      task_id: task.id,
      pole_id: task.pole_id,
      board_id: board.id,
      card_id: cardId,
      created_by: actorId,
      created_at: now,
    })
    .onConflict((oc) => oc.column("task_id").doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) throw alreadyCard();
  const added = await live
    .edit(board.id, (doc) => {
      const column = readColumns(doc)[0];
      if (!column) return false;
      addCard(doc, { id: cardId, title: task.title, columnId: column.id });
      const card = cardsOf(doc).get(cardId);
      card?.set("taskId", task.id);
      if (task.meeting_id) card?.set("meetingId", task.meeting_id);
      return true;
    })
    .catch(async (error: unknown) => {
      await db.deleteFrom("task_cards").where("task_id", "=", task.id).execute();
      throw error;
    });
  if (!added) {
    await db.deleteFrom("task_cards").where("task_id", "=", task.id).execute();
    throw new DomainError("conflict", "Le tableau du cercle n'a aucune colonne où poser la carte.");
  }
  await audit(db, {
    poleId: task.pole_id,
    actorId,
    action: "meeting.task_carded",
    target: task.meeting_id ?? task.id,
    details: { taskId: task.id, boardId: board.id, cardId, title: task.title },
  });
  if (task.meeting_id) poleEvents.publish(task.pole_id, { type: "meeting", id: task.meeting_id });
  const [view] = await presentTasks(db, [task], now);
  if (!view) throw notFound("Tâche");
  return view;
}
