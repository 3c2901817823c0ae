/**
 * Documents attached to a referral: attach, list, download, remove, under the referral's own
 * access rules (the referrals feature answers who may see and change it). Every read and write is
 * audited before it happens (fail closed); the label is never logged.
 */
import { randomUUID } from "node:crypto";
import { checkDocument, contentDisposition, DOCUMENT_TYPES, sanitiseLabel, storedFileName } from "../../../domain/referral-documents/file-type";
import { AppError } from "../../../errors";
import type { LibraryDrive } from "../../../graph/library";
import type { Item, ListStore } from "../../../graph/list-store";
import type { ReferralDocument } from "../../../schemas/referral-documents/api";
import type { Person } from "../../../schemas/reference/person";
import type { ReferralStatus } from "../../../schemas/referrals/status";
import type { FeatureContext } from "../../core/feature-context";
import type { ReferralService } from "../referrals/service";
import { ReferralDocumentsList, type ReferralDocumentItem } from "./lists";

export interface ReferralDocumentStores {
  documents: ListStore<typeof ReferralDocumentsList.schema>;
  files: LibraryDrive;
}

/** A referral takes documents until its meeting has discussed it: a draft, or submitted (and placed on a meeting). */
const ATTACHABLE: readonly ReferralStatus[] = ["draft", "submitted", "scheduled"];

const noSuchDocument = () => new AppError("not_found", "There is no such document.");

export class ReferralDocumentService {
  readonly listTitle = ReferralDocumentsList.title;

  constructor(
    private readonly ctx: FeatureContext,
    readonly stores: ReferralDocumentStores,
    private readonly referrals: Pick<ReferralService, "accessOf">,
  ) {}

  /** The referral as the caller may use it; documents are identifying, so an anonymised view sees none (404). */
  private async readable(person: Person, referralId: string) {
    const access = await this.referrals.accessOf(person, referralId);
    if (access.view !== "full") throw new AppError("not_found", "There is no such referral.");
    return access;
  }

  private view(item: Item<ReferralDocumentItem>, canDelete: boolean): ReferralDocument {
    const v = item.value;
    return { id: item.id, referralId: v.referralId, label: v.label, type: v.type, size: v.size, uploadedAt: v.uploadedAt, canDelete };
  }

  async list(person: Person, referralId: string): Promise<ReferralDocument[]> {
    const access = await this.readable(person, referralId);
    const items = await this.stores.documents.all({ where: { referralId: access.id } });
    items.sort((a, b) => a.value.uploadedAt.localeCompare(b.value.uploadedAt) || Number(a.id) - Number(b.id));
    await this.ctx.audit.record(person, {
      action: "referral.document_listed",
      listTitle: ReferralDocumentsList.title,
      detail: { referralId: access.id, count: items.length, itemIds: items.map((i) => i.id).join(",") },
    });
    const canDelete = access.canEdit && access.status === "draft";
    return items.map((i) => this.view(i, canDelete));
  }

  async attach(person: Person, referralId: string, input: { name: string; bytes: Buffer }): Promise<ReferralDocument> {
    const access = await this.readable(person, referralId);
    if (!access.canEdit) throw new AppError("forbidden", "Only the referring SENCo can attach documents to this referral.");
    if (!ATTACHABLE.includes(access.status)) throw new AppError("conflict", "Documents can be attached until the LIFT meeting has discussed the referral.");
    const check = checkDocument(input.name, input.bytes);
    if (!check.ok) {
      throw new AppError(check.status === 413 ? "payload_too_large" : "validation_failed", check.message, { fieldErrors: { file: [check.message] } });
    }
    const key = randomUUID();
    const fileName = storedFileName(access.id, key, check.type);
    const record = (driveItemId: string): ReferralDocumentItem => ({
      referralId: access.id,
      driveItemId,
      fileName,
      label: sanitiseLabel(input.name),
      type: check.type,
      size: input.bytes.length,
      uploadedByOid: person.oid,
      uploadedAt: this.ctx.now().toISOString(),
    });
    const item = await this.ctx.audit.change(
      person,
      { action: "referral.document_attached", listTitle: ReferralDocumentsList.title, detail: { referralId: access.id, fileName, size: input.bytes.length, type: check.type } },
      async () => {
        const file = await this.stores.files.upload(fileName, input.bytes);
        try {
          return await this.stores.documents.create(record(file.id), { idempotencyKey: `referral-document:${key}` });
        } catch (error) {
          // No record, no file: a file nobody can find would outlive the referral's retention.
          await this.stores.files.delete(file.id).catch(() => undefined);
          throw error;
        }
      },
      (created) => ({ itemId: created.id }),
    );
    return this.view(item, access.status === "draft");
  }

  private async document(referralId: string, documentId: string): Promise<Item<ReferralDocumentItem>> {
    if (!/^\d{1,12}$/.test(documentId)) throw noSuchDocument();
    const item = await this.stores.documents.find(documentId);
    if (!item || item.value.referralId !== referralId) throw noSuchDocument();
    return item;
  }

  async download(person: Person, referralId: string, documentId: string): Promise<{ contentType: string; fileName: string; disposition: string; data: Buffer }> {
    const access = await this.readable(person, referralId);
    const item = await this.document(access.id, documentId);
    // Audited before the bytes are read, so no download goes unrecorded.
    await this.ctx.audit.record(person, { action: "referral.document_downloaded", listTitle: ReferralDocumentsList.title, itemId: item.id, detail: { referralId: access.id } });
    const data = await this.stores.files.download(item.value.driveItemId);
    return { contentType: DOCUMENT_TYPES[item.value.type].contentType, fileName: item.value.fileName, disposition: contentDisposition(item.value.label), data };
  }

  async remove(person: Person, referralId: string, documentId: string): Promise<void> {
    const access = await this.readable(person, referralId);
    const item = await this.document(access.id, documentId);
    if (!access.canEdit) throw new AppError("forbidden", "Only the referring SENCo can remove this document.");
    if (access.status !== "draft") throw new AppError("conflict", "Documents can be removed from a draft only; this referral has been submitted.");
    await this.ctx.audit.change(person, { action: "referral.document_removed", listTitle: ReferralDocumentsList.title, itemId: item.id, detail: { referralId: access.id } }, async () => {
      await this.stores.files.delete(item.value.driveItemId);
      await this.stores.documents.delete(item.id);
    });
  }

  /**
   * Erasure and retention: every document of these referrals, file and record, for a caller that
   * has already audited its run (the data-protection feature). Returns how many were removed.
   */
  async purge(referralIds: readonly string[], before: (item: Item<ReferralDocumentItem>) => Promise<void> = async () => undefined): Promise<number> {
    let removed = 0;
    for (const referralId of referralIds) {
      for (const item of await this.stores.documents.all({ where: { referralId } })) {
        await before(item);
        await this.stores.files.delete(item.value.driveItemId);
        await this.stores.documents.delete(item.id);
        removed++;
      }
    }
    return removed;
  }

  /** The documents of these referrals as a subject access lists them (ids, labels, types, sizes). */
  async held(referralIds: readonly string[]): Promise<Item<ReferralDocumentItem>[]> {
    const out: Item<ReferralDocumentItem>[] = [];
    for (const referralId of referralIds) out.push(...(await this.stores.documents.all({ where: { referralId } })));
    return out;
  }
}
