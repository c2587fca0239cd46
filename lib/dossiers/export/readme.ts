// README.txt of every package, in English and Persian: what is in it and how to check it.
export function readmeText({ dossierId, exportId, exportedAt }: { dossierId: string; exportId: string; exportedAt: string }): string {
  return `CASEFILE DOSSIER PACKAGE
========================

Dossier: ${dossierId}
Export:  ${exportId}
Made at: ${exportedAt} (UTC)

What is in this package
-----------------------
dossier.pdf          the dossier: cover, contents, chronology, allegations by person with
                     pinpoint citations (statement, revision, character range, exhibit number),
                     the statements, the exhibit list with SHA-256, and what was left out and why
exhibits/            each exhibit file, named by its exhibit number (CF-0001 ...), byte for byte
                     as stored in Casefile
audit-events.jsonl   the audit events of the records in this dossier, one JSON object per line
manifest.json        every file above with its SHA-256, size, exhibit number and the record it
                     comes from; the dossier, export, exporter, counts, and how many statements
                     were left out and why
verify.mjs           a verification script that needs only Node.js (18 or later), nothing else

How to verify
-------------
1. Unzip the package into an empty folder and run, in that folder:
       node verify.mjs
   or point it at the ZIP without unzipping:
       node verify.mjs path/to/package.zip
2. The script recomputes the SHA-256 of every file listed in manifest.json, reports every file
   that differs, is missing or is not listed, and checks that each line of audit-events.jsonl
   still has the hash the audit chain gave it. It prints OK and exits 0 when everything matches;
   otherwise it names each problem and exits 1.
3. The SHA-256 of the whole ZIP is recorded in Casefile's audit log when the export finishes
   (action "dossier.export"). Compare it with, for example:
       sha256sum package.zip          (Linux)
       shasum -a 256 package.zip      (macOS)
       certutil -hashfile package.zip SHA256   (Windows)
   A match shows that manifest.json itself is the one Casefile wrote.

Witnesses are named by pseudonym code (W-0001 ...) unless their consent covers sharing with
legal teams and the person who exported may see their identity.


بستهٔ پروندهٔ Casefile
=====================

پرونده: ${dossierId}
برون‌بری: ${exportId}
زمان ساخت: ${exportedAt} (UTC)

محتوای این بسته
---------------
dossier.pdf          خود پرونده: جلد، فهرست، گاهشمار، اتهام‌ها به تفکیک فرد با ارجاع دقیق
                     (شهادت‌نامه، نسخه، بازهٔ نویسه‌ها، شمارهٔ پیوست)، متن شهادت‌نامه‌ها، فهرست پیوست‌ها
                     با SHA-256، و آنچه کنار گذاشته شد و چرا
exhibits/            هر فایل پیوست با شمارهٔ پیوستش (CF-0001 ...)، بایت به بایت همان که در
                     Casefile نگه‌داری می‌شود
audit-events.jsonl   رویدادهای ممیزی رکوردهای این پرونده، هر سطر یک شیء JSON
manifest.json        فهرست همهٔ فایل‌ها با SHA-256، اندازه، شمارهٔ پیوست و رکورد مبدأ؛ شناسهٔ
                     پرونده و برون‌بری، برون‌بر، شمارش‌ها، و تعداد و دلیل شهادت‌نامه‌های کنارگذاشته
verify.mjs           اسکریپت بررسی که فقط به Node.js (نسخهٔ ۱۸ یا بالاتر) نیاز دارد

روش بررسی
---------
۱. بسته را در پوشه‌ای خالی باز کنید و در همان پوشه اجرا کنید:
       node verify.mjs
   یا بدون باز کردن، مسیر فایل ZIP را بدهید:
       node verify.mjs path/to/package.zip
۲. اسکریپت SHA-256 همهٔ فایل‌های فهرست‌شده در manifest.json را دوباره حساب می‌کند، هر فایلی
   را که تغییر کرده، گم شده یا در فهرست نیست نام می‌برد، و بررسی می‌کند که هر سطر
   audit-events.jsonl همان هشی را دارد که زنجیرهٔ ممیزی به آن داده است. اگر همه درست باشد OK چاپ
   می‌کند و با کد ۰ پایان می‌یابد؛ وگرنه هر مشکل را نام می‌برد و با کد ۱ پایان می‌یابد.
۳. SHA-256 کل فایل ZIP هنگام پایان برون‌بری در گزارش ممیزی Casefile ثبت می‌شود (عمل
   "dossier.export"). آن را با خروجی sha256sum یا shasum -a 256 یا certutil مقایسه کنید؛ یکسان بودن
   نشان می‌دهد manifest.json همان است که Casefile نوشته است.

شاهدان با کد مستعار (W-0001 ...) آمده‌اند، مگر آنکه رضایتشان اشتراک با تیم‌های حقوقی را پوشش
دهد و کسی که برون‌بری کرده مجاز به دیدن هویتشان باشد.
`;
}
