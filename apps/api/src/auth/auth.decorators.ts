import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'phoihop:public';
export const ADMIN_ONLY = 'phoihop:admin-only';

/** Reachable without signing in (sign-in itself, health, the API description). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only for the `admin` role (auditors may still read): users, units, calendar overrides, definitions. */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);
export const AUDITORS_MAY = 'phoihop:auditors-may';
/** A POST that changes nothing of the records (a stream ticket): auditors may call it like a read. */
export const AuditorsMay = () => SetMetadata(AUDITORS_MAY, true);
