// Usage: ./run.sh in one shell, then: OUTBOX=src/Beraterpool.Web/App_Data/outbox node tools/dev/walk.js public municipality advisor contact coordinator reviewer
// (after a build of tests/Beraterpool.BrowserTests, whose Playwright package it uses). Screenshots land in /tmp/shots.
// Walks each role's journey against a running app (BASE, default http://localhost:5080) and takes screenshots at 1280 and 390 px.
const { chromium } = require(process.env.PW || require('path').join(__dirname, '../../tests/Beraterpool.BrowserTests/bin/Release/net10.0/.playwright/package'));
const fs = require('fs'), path = require('path'), crypto = require('crypto');
const BASE = process.env.BASE || 'http://localhost:5080', OUT = process.env.OUT || '/tmp/shots', OUTBOX = process.env.OUTBOX;
const PASSWORD = 'Demo-Passwort-2026';
fs.mkdirSync(OUT, { recursive: true });
const report = [];
let n = 0;
async function shot(page, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    const file = path.join(OUT, `${String(++n).padStart(2, '0')}-${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    report.push(`${file} ${page.url()} scrollWidth=${wide}${wide > width ? '  <-- WIDER THAN SCREEN' : ''}`);
    if (wide > width) report.push(...await page.evaluate(w => [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > w + 2 && !e.closest('.table-scroll, .kern-table-responsive'))
      .map(e => `   ${e.tagName}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`).slice(0, 8), width));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
function totp(secretBase32) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; let bits = '';
  for (const c of secretBase32.replace(/[\s=-]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map(b => parseInt(b, 2)));
  const counter = Buffer.alloc(8); counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const h = crypto.createHmac('sha1', key).update(counter).digest(); const o = h[h.length - 1] & 15;
  return String(((h.readUInt32BE(o) & 0x7fffffff) % 1000000)).padStart(6, '0');
}
async function login(page, email) {
  await page.goto(BASE + '/account/login');
  await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForLoadState();
  if (page.url().includes('login-two-factor')) {
    const key = fs.readFileSync(`/tmp/totp-${email}`, 'utf8');
    await page.locator('input[name="Input.Code"], input[name="Code"]').first().fill(totp(key));
    await page.getByRole('button').filter({ hasText: /Anmelden|Bestätigen|Weiter/ }).first().click();
    await page.waitForLoadState();
    report.push(`2FA sign-in for ${email}: now at ${page.url()}`);
  } else if (page.url().includes('two-factor')) {
    const key = await page.locator('[data-shared-key]').first().textContent().catch(() => null);
    if (key) {
      fs.writeFileSync(`/tmp/totp-${email}`, key);
      await page.locator('input[name="Code"]').first().fill(totp(key));
      await page.getByRole('button', { name: /Einschalten|Bestätigen|Aktivieren|Speichern/ }).first().click();
      await page.waitForLoadState();
      report.push(`2FA set up for ${email}: now at ${page.url()}`);
    } else report.push(`2FA page for ${email} without a readable secret: ${page.url()}`);
  }
}
function latestMailTo(address) {
  const files = fs.readdirSync(OUTBOX).filter(f => f.endsWith('.eml')).sort();
  for (const f of files.reverse()) {
    const t = fs.readFileSync(path.join(OUTBOX, f), 'utf8');
    if ((t.match(/^To: .*$/m) || [''])[0].toLowerCase().includes(address.toLowerCase())) return t;
  }
  return '';
}
(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const steps = process.argv.slice(2);
  try {
    if (steps.includes('public')) {
      const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      for (const [u, name] of [['/', 'home'], ['/advisors?language=de', 'directory'], ['/advisors/amina-tesfaye?language=de', 'profile'], ['/municipalities/05315000', 'municipality']]) {
        await page.goto(BASE + u); await shot(page, 'public-' + name);
      }
    }
    if (steps.includes('municipality')) {
      const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await page.goto(BASE + '/requests/new?municipality=05315000');
      await shot(page, 'muni-form');
      const email = `walk-${Date.now()}@koeln.example`;
      await page.getByLabel('Name', { exact: true }).fill('Petra Probe').catch(e => report.push('name: ' + e.message));
      await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email).catch(e => report.push('mail: ' + e.message));
      await page.getByLabel(/Ziel/).first().fill('Wir möchten faire Beschaffung in der Verwaltung einführen.').catch(e => report.push('goal: ' + e.message));
      await page.getByLabel(/Bedarf/).first().fill('Ein Workshop für die Vergabestellen.').catch(e => report.push('need: ' + e.message));
      await page.getByLabel('Online', { exact: true }).check().catch(e => report.push('format: ' + e.message));
      await page.getByLabel(/Ich stimme/).check().catch(e => report.push('consent: ' + e.message));
      await page.getByRole('button', { name: /Weiter zur Prüfung/ }).first().click(); await page.waitForLoadState();
      await shot(page, 'muni-review');
      await page.getByRole('button', { name: /absenden/i }).click(); await page.waitForLoadState();
      await shot(page, 'muni-sent');
      const mail = latestMailTo(email);
      const link = (mail.replace(/=\r?\n/g, '').match(/https?:\/\/\S+\/requests\/track\/[A-Za-z0-9_-]+/) || [])[0];
      report.push('confirmation link: ' + link);
      if (link) {
        await page.goto(link.replace(/^https?:\/\/[^/]+/, BASE)); await shot(page, 'muni-track');
        const box = page.locator('#messages textarea').first();
        await box.fill('Guten Tag, passt Ihnen ein Gespräch am Dienstag?').catch(e => report.push('message: ' + e.message));
        await page.getByRole('button', { name: /senden/i }).first().click().catch(e => report.push('send: ' + e.message));
        await page.waitForLoadState(); await shot(page, 'muni-track-replied');
      }
    }
    if (steps.includes('events')) {
      // A visitor registers for the nearly full forum, follows the confirmation's personal link and cancels; the office looks at its desk.
      const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await visitor.goto(BASE + '/events'); await shot(visitor, 'events-list');
      await visitor.getByRole('link', { name: /Wuppertal/ }).first().click(); await visitor.waitForLoadState(); await shot(visitor, 'events-forum');
      await visitor.getByRole('button', { name: /anmelden|Warteliste/i }).click(); await visitor.waitForLoadState(); await shot(visitor, 'events-form-errors');
      const address = `walk-${Date.now()}@example.org`;
      await visitor.locator('#Input_Name').fill('Walk Besucherin');
      await visitor.locator('#Input_Email').fill(address);
      await visitor.locator('#Input_Consent').check();
      // The forum's own questions: the first choice of each group, a word in each empty text field of a question.
      for (const name of await visitor.$$eval('main form input[type=radio]', rs => [...new Set(rs.map(r => r.name))]))
        await visitor.locator(`main form input[type=radio][name="${name}"]`).first().check();
      for (const box of await visitor.locator('main form [name^="Answers"]:is(input[type=text], textarea)').all()) if (!(await box.inputValue())) await box.fill('Walk-Antwort');
      await visitor.getByRole('button', { name: /anmelden|Warteliste/i }).click(); await visitor.waitForLoadState(); await shot(visitor, 'events-registered');
      await new Promise(r => setTimeout(r, 1500));
      const mail = latestMailTo(address).replace(/=\r?\n/g, '');
      const link = (mail.match(/https?:\/\/\S+\/events\/registration\/\S+/) || [])[0];
      report.push(`registration mail: ${mail.includes('text/calendar') ? 'with .ics' : 'WITHOUT .ics'}; link ${link}`);
      if (link) {
        await visitor.goto(link); await shot(visitor, 'events-personal-link');
        await visitor.getByRole('button', { name: /absagen|Warteliste nehmen/i }).click(); await visitor.waitForLoadState(); await shot(visitor, 'events-cancelled');
      }
      const office = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await login(office, 'koordination@miglobe.local');
      await office.goto(BASE + '/manage/events'); await shot(office, 'events-office-list');
      await office.getByRole('link', { name: /Wuppertal/ }).first().click(); await office.waitForLoadState(); await shot(office, 'events-office-desk');
      await office.getByRole('link', { name: 'Bearbeiten' }).click(); await office.waitForLoadState(); await shot(office, 'events-office-edit');
      // The forum's questions; then a past forum's documentation files and outcomes, and the organisation's timeline.
      const desk = office.url().replace(/\/manage\/events\/edit\/(\d+).*/, '/manage/events/$1');
      await office.goto(desk + '/questions'); await shot(office, 'events-office-questions');
      await office.goto(BASE + '/manage/events?when=past').catch(() => {});
      const past = await office.$$eval('main a[href^="/manage/events/"]', as => as.map(a => a.getAttribute('href')).filter(h => /^\/manage\/events\/\d+$/.test(h)));
      report.push('past events on the desk: ' + past.length);
      for (const id of past.slice(0, 40)) {
        await office.goto(BASE + id + '/outcomes');
        if (await office.locator('main .outcome-list li, main table tbody tr').count() > 0) break;
      }
      await shot(office, 'events-office-outcomes');
      await office.goto(office.url().replace('/outcomes', '/documents')); await shot(office, 'events-office-documents');
    }
    if (steps.includes('impact')) {
      // The public impact page and flyer; the office's 2015 report, a drill-down, the texts form; the PDF and a card as files.
      const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await visitor.goto(BASE + '/'); await visitor.getByRole('link', { name: 'Wirkung' }).first().click(); await visitor.waitForLoadState(); await shot(visitor, 'impact-public');
      const flyer = await visitor.request.get(BASE + '/flyer.pdf'); fs.writeFileSync(path.join(OUT, 'flyer.pdf'), await flyer.body());
      report.push(`flyer.pdf ${flyer.status()} ${flyer.headers()['content-type']}`);
      const office = await (await browser.newContext({ locale: 'de-DE', acceptDownloads: true })).newPage();
      await login(office, 'koordination@miglobe.local');
      await office.goto(BASE + '/manage'); await office.getByRole('link', { name: 'Wirkung und Jahresbericht' }).click(); await office.waitForLoadState(); await shot(office, 'impact-report-current');
      await office.goto(BASE + '/manage/reports/2015'); await shot(office, 'impact-report-2015');
      await office.getByRole('link', { name: /Karte/ }).first().click(); await office.waitForLoadState(); await shot(office, 'impact-map-2015');
      await office.goto(BASE + '/manage'); await office.getByRole('link', { name: /Karte/ }).first().click().catch(e => report.push('map card: ' + e.message));
      await office.waitForLoadState(); await shot(office, 'impact-map-current');
      await office.goto(BASE + '/manage/reports/2015');
      await office.locator('tr[data-indicator="veranstaltungen"] a[data-figure]').first().click(); await office.waitForLoadState(); await shot(office, 'impact-drilldown');
      await office.goto(BASE + '/manage/reports/2015'); await office.getByRole('link', { name: /Texte schreiben/ }).click(); await office.waitForLoadState(); await shot(office, 'impact-texts');
      const pdf = await office.request.get(BASE + '/manage/reports/2015.pdf'); fs.writeFileSync(path.join(OUT, 'report-2015.pdf'), await pdf.body());
      report.push(`report-2015.pdf ${pdf.status()} ${pdf.headers()['content-type']}`);
    }
    if (steps.includes('establishment')) {
      // Building the pool: the office's seminar series, its attendance list and a certificate check; mentoring as the mentor;
      // the network's organisations and contacts; the advisor's own seminars, mentoring and contact person; the statement pages.
      const office = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await login(office, 'koordination@miglobe.local');
      await office.goto(BASE + '/manage'); await office.getByRole('link', { name: 'Seminarreihen' }).click(); await office.waitForLoadState(); await shot(office, 'seminars-list');
      await office.locator('main a[href^="/manage/seminars/"]').filter({ hasText: '2014/2015' }).first().click(); await office.waitForLoadState(); await shot(office, 'seminars-series');
      await office.locator('main a[href*="/attendance/"]').first().click().catch(e => report.push('attendance: ' + e.message)); await office.waitForLoadState(); await shot(office, 'seminars-attendance');
      await office.goto(BASE + '/manage/mentoring'); await shot(office, 'mentoring-office');
      await office.goto(BASE + '/manage'); await office.getByRole('link', { name: 'Netzwerk: Organisationen und Kontakte' }).click(); await office.waitForLoadState(); await shot(office, 'stakeholders');
      await office.goto(BASE + '/manage/stakeholders/contacts'); await shot(office, 'stakeholders-contacts');
      await office.goto(BASE + '/manage/stakeholders/import'); await shot(office, 'stakeholders-import');
      const mentor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await login(mentor, 'mentoring@miglobe.local'); await shot(mentor, 'mentoring-mentor');
      await mentor.locator('main a[href^="/mentoring/"]').first().click().catch(e => report.push('pair: ' + e.message)); await mentor.waitForLoadState(); await shot(mentor, 'mentoring-pair');
      const advisor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await login(advisor, 'amina.tesfaye@miglobe.local'); await advisor.goto(BASE + '/me'); await shot(advisor, 'advisor-me');
      await advisor.goto(BASE + '/me/seminars'); await shot(advisor, 'advisor-seminars');
      const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      for (const [u, name] of [['/barrierefreiheit', 'accessibility-statement'], ['/leichte-sprache', 'easy-read'], ['/certificates/verify/UNBEKANNT', 'certificate-unknown']]) {
        await visitor.goto(BASE + u); await shot(visitor, name);
      }
    }
    if (steps.includes('trainer')) {
      // The office adds a seminar next week, makes a trainer link mailed to the trainer; the trainer follows the mail's link,
      // records the list and uploads a file; the office sees both on its attendance page.
      const office = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await login(office, 'koordination@miglobe.local');
      await office.goto(BASE + '/manage/seminars'); await office.locator('main a[href^="/manage/seminars/"]').filter({ hasText: '2014/2015' }).first().click(); await office.waitForLoadState();
      await office.getByRole('link', { name: 'Seminar hinzufügen' }).click(); await office.waitForLoadState();
      const day = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
      await office.locator('#Input_Title').fill('Walk: Nachtreffen'); await office.locator('#Input_Date').fill(day);
      await office.locator('#Input_StartTime').fill('10:00'); await office.locator('#Input_EndTime').fill('16:00');
      await office.locator('#Input_Place').fill('Haus der Kirche, Köln');
      await office.getByRole('button', { name: /Speichern/ }).first().click(); await office.waitForLoadState(); await shot(office, 'trainer-office-series');
      await office.getByRole('link', { name: 'Walk: Nachtreffen' }).first().click(); await office.waitForLoadState();
      const trainer = `trainer-${Date.now()}@example.org`;
      await office.locator('#Trainer_Name').fill('Tina Trainerin'); await office.locator('#Trainer_Email').fill(trainer);
      await office.getByRole('button', { name: 'Link erstellen' }).click(); await office.waitForLoadState(); await shot(office, 'trainer-office-link-made');
      await new Promise(r => setTimeout(r, 1500));
      const mail = latestMailTo(trainer).replace(/=\r?\n/g, '');
      const link = (mail.match(/https?:\/\/[^\s"<]+\/seminars\/trainer\/[A-Za-z0-9_-]+/) || [])[0];
      report.push('trainer mail link: ' + link);
      if (link) {
        const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
        await page.goto(link.replace(/^https?:\/\/[^/]+/, BASE)); await shot(page, 'trainer-page');
        await page.locator('main input[type=radio]').first().check().catch(e => report.push('radio: ' + e.message));
        await page.getByRole('button', { name: 'Anwesenheit speichern' }).click(); await page.waitForLoadState(); await shot(page, 'trainer-saved');
        const pdf = path.join(OUT, 'walk-handout.pdf');
        fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
        await page.locator('main input[type=file]').first().setInputFiles(pdf).catch(e => report.push('file: ' + e.message));
        await page.getByRole('button', { name: 'Hochladen', exact: true }).click().catch(e => report.push('upload: ' + e.message)); await page.waitForLoadState(); await shot(page, 'trainer-uploaded');
      }
      await office.reload(); await shot(office, 'trainer-office-after');
    }
    if (steps.includes('privacy')) {
      // The privacy pages: the public notices, an advisor's own data, the administrator's privacy desk (no erasure is executed).
      const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      for (const [u, name] of [['/datenschutz', 'notice'], ['/impressum', 'impressum']]) { await visitor.goto(BASE + u); await shot(visitor, 'privacy-' + name); }
      const advisor = await (await browser.newContext({ locale: 'de-DE', acceptDownloads: true })).newPage();
      await login(advisor, 'amina.tesfaye@miglobe.local');
      for (const u of ['/account/my-data', '/me/profile']) { await advisor.goto(BASE + u); await shot(advisor, 'privacy-advisor' + u.replace(/\//g, '_')); }
      await advisor.goto(BASE + '/account/my-data');
      const [download] = await Promise.all([advisor.waitForEvent('download'), advisor.getByRole('button', { name: /herunterladen/i }).first().click()]);
      report.push(`my-data download: ${download.suggestedFilename()}`);
      const admin = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await login(admin, 'admin@beraterpool.local');
      for (const u of ['/manage/privacy', '/manage/privacy?email=amina.tesfaye%40miglobe.local', '/manage/privacy/erase?email=amina.tesfaye%40miglobe.local',
        '/manage/privacy/retention', '/manage/processing', '/manage/mails/outbox']) { await admin.goto(BASE + u); await shot(admin, 'privacy-admin' + u.replace(/[^a-z0-9]+/gi, '_')); }
      const coordinator = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await login(coordinator, 'koordination@miglobe.local');
      await coordinator.goto(BASE + '/manage');
      const notices = await coordinator.$$eval('main a[href$="/notices"]', as => as.map(a => a.getAttribute('href')));
      report.push('notice editors linked from /manage: ' + notices.join(', '));
      if (notices[0]) { await coordinator.goto(BASE + notices[0]); await shot(coordinator, 'privacy-coordinator-notices'); }
    }
    for (const [role, email, urls] of [
      ['advisor', 'amina.tesfaye@miglobe.local', []],
      ['contact', 'kommune@koeln.local', []],
      ['coordinator', 'koordination@miglobe.local', ['/manage', '/manage/requests', '/manage/engagements', '/manage/fees']],
      ['reviewer', 'gutachten@miglobe.local', []]]) {
      if (!steps.includes(role)) continue;
      const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
      await login(page, email);
      await shot(page, role + '-landing');
      if (page.url().includes('two-factor')) await page.goto(BASE + '/manage');
      const links = await page.$$eval('main a[href^="/engagements/"], main a[href^="/manage/requests/"], main a[href^="/fees/"]', as => [...new Set(as.map(a => a.getAttribute('href')))].slice(0, 3));
      for (const u of [...urls, ...links]) { await page.goto(BASE + u); await shot(page, role + '-' + u.replace(/[^a-z0-9]+/gi, '_')); }
    }
  } catch (e) { report.push('ERROR ' + e.stack); }
  await browser.close();
  console.log(report.join('\n'));
})();
