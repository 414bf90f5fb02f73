// The anteroom in a real browser (Debian's chromium, driven by playwright-core), as a client
// would use it: framed by an organisation's site, and by a site that may not frame it. Run by
// tst_anteroom, which owns the server and plays the consultant through the protocol; the two
// meet in a line protocol: this script prints "@<step> …" on stdout and, where it must wait for
// the consultant, reads "go <step>" on stdin.
//
//   node anteroom.mjs <anteroom url> [screenshot dir]
import http from 'node:http';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

const [anteroomUrl, shotDir] = process.argv.slice(2);
const chromiumPath = process.env.MUSTER_CHROMIUM || '/usr/bin/chromium';
const timeout = 15000;

const input = readline.createInterface({ input: process.stdin });
const said = [];
const waiting = [];
input.on('line', (line) => {
  const waiter = waiting.find((w) => w.line === line.trim());
  if (waiter) {
    waiting.splice(waiting.indexOf(waiter), 1);
    waiter.resolve();
  } else {
    said.push(line.trim());
  }
});

function step(name, ...args) {
  process.stdout.write('@' + [name, ...args].join(' ') + '\n');
}

function go(name) {
  const line = 'go ' + name;
  const at = said.indexOf(line);
  if (at >= 0) {
    said.splice(at, 1);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    waiting.push({ line, resolve });
    setTimeout(() => reject(new Error('the consultant never said "' + line + '"')), 60000);
  });
}

function check(condition, what) {
  if (!condition) throw new Error(what);
}

// An organisation's web site: a page framing the anteroom, and a neutral page for quick exit.
function site() {
  const server = http.createServer((request, response) => {
    if (request.url === '/neutral') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<!DOCTYPE html><title>Weather</title><h1>Weather today</h1>');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!DOCTYPE html><title>Help line</title><h1>Our help line</h1>'
      + '<iframe title="Chat with us" src="' + anteroomUrl + '" width="460" height="700"></iframe>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function shot(page, name) {
  if (shotDir) await page.screenshot({ path: shotDir + '/' + name + '.png' });
}

async function joinAs(page, alias) {
  const frame = page.frameLocator('iframe');
  await frame.getByLabel('What should we call you?').fill(alias);
  await frame.getByLabel('What would you like to talk about? (optional)').fill('Exams and sleep');
  await frame.getByLabel('How old are you?').fill('17');
  await frame.getByRole('checkbox').check();
  await frame.getByRole('button', { name: 'Start chat' }).click();
  await frame.locator('#status').filter({ hasText: 'You are next.' }).waitFor({ timeout });
  return frame;
}

const allowed = await site();
const forbidden = await site();
const allowedOrigin = 'http://127.0.0.1:' + allowed.address().port;
const forbiddenOrigin = 'http://127.0.0.1:' + forbidden.address().port;
step('origins', allowedOrigin, forbiddenOrigin);
await go('settings');

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 520, height: 820 } });
  context.setDefaultTimeout(timeout);

  // A site the organisation did not allow: the browser refuses to show the page in its frame.
  const elsewhere = await context.newPage();
  await elsewhere.goto(forbiddenOrigin + '/embed', { waitUntil: 'load' });
  const framed = elsewhere.frames().find((f) => f !== elsewhere.mainFrame());
  check(framed, 'the forbidden page has its iframe');
  check((await framed.locator('#start').count()) === 0,
    'a site not allowed to frame the anteroom shows it anyway');
  step('forbidden-refused');
  await elsewhere.close();

  // The organisation's own site: intake, waiting, chatting.
  const page = await context.newPage();
  await page.goto(allowedOrigin + '/embed');
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Start chat' }).waitFor();
  check(await frame.getByRole('heading', { name: 'Talk to us' }).isVisible(), 'the title is the organisation\'s');
  // The logo loads under the page's own security policy and sits within the bar.
  const logo = frame.locator('#logo');
  await logo.waitFor({ state: 'visible' });
  const logoSize = await logo.evaluate((img) => img.decode().then(() => ({
    natural: img.naturalWidth, height: img.getBoundingClientRect().height })));
  check(logoSize.natural === 240, 'the organisation\'s logo is shown');
  check(logoSize.height <= 40, 'the logo keeps within the bar');
  await shot(page, 'anteroom-intake');
  // The form says what is missing rather than sending it.
  await frame.getByRole('button', { name: 'Start chat' }).click();
  await frame.getByText('Please choose a name to be called by.').waitFor();
  await joinAs(page, 'Sam');
  await shot(page, 'anteroom-waiting');
  step('queued');
  await go('accepted');

  await frame.getByText('Hello, I\'m Cora. What is on your mind?').waitFor();
  check(await frame.locator('#status').filter({ hasText: 'You are talking to Cora.' }).isVisible(),
    'the page says who is answering');
  await frame.getByLabel('Your message').fill('I feel alone tonight');
  await frame.getByRole('button', { name: 'Send' }).click();
  await frame.locator('li[data-seq]').filter({ hasText: 'I feel alone tonight' }).waitFor();
  step('sent');
  await go('replied');
  await frame.getByText('I\'m listening. Take your time.').waitFor();
  await shot(page, 'anteroom-chatting');

  // A reload keeps the conversation.
  await page.reload();
  const again = page.frameLocator('iframe');
  await again.getByText('I\'m listening. Take your time.').waitFor();
  const texts = await again.locator('li[data-seq]').allTextContents();
  const mine = texts.findIndex((t) => t.includes('I feel alone tonight'));
  const theirs = texts.findIndex((t) => t.includes('I\'m listening. Take your time.'));
  check(mine >= 0 && theirs > mine, 'the history after a reload, in order: ' + JSON.stringify(texts));
  await again.getByLabel('Your message').fill('still here after the reload');
  await again.getByRole('button', { name: 'Send' }).click();
  await again.locator('li[data-seq]').filter({ hasText: 'still here after the reload' }).waitFor();
  step('resumed');
  await go('heard');

  await again.getByRole('button', { name: 'End chat' }).click();
  await again.getByText('This chat has ended.').first().waitFor();
  await again.getByRole('button', { name: 'Delete this conversation now' }).waitFor();
  step('ended');
  await go('ended');
  await page.close();

  // Leaving before anyone answers: closing the tab takes the client out of the queue.
  const leaving = await context.newPage();
  await leaving.goto(allowedOrigin + '/embed');
  await joinAs(leaving, 'Lee');
  step('waiting');
  await go('close');
  await leaving.close();
  step('closed');
  await go('quick-exit');

  // Quick exit: the whole window goes somewhere neutral, and coming back in the same tab shows
  // no chat (the tab's storage was cleared).
  const exiting = await context.newPage();
  await exiting.goto(allowedOrigin + '/embed');
  const exitFrame = await joinAs(exiting, 'Quinn');
  await exitFrame.getByRole('button', { name: 'Quick exit' }).click();
  await exiting.waitForURL(allowedOrigin + '/neutral');
  await exiting.goto(allowedOrigin + '/embed');
  await exiting.frameLocator('iframe').getByRole('button', { name: 'Start chat' }).waitFor();
  check((await exiting.frameLocator('iframe').getByText('Exams and sleep').count()) === 0,
    'after a quick exit the chat is still there');
  step('done');
} catch (error) {
  failed = true;
  console.error(error && error.stack ? error.stack : error);
} finally {
  await browser.close();
  for (const server of [allowed, forbidden]) {
    server.closeAllConnections();
    server.close();
  }
  input.close();
}
process.exit(failed ? 1 : 0);
