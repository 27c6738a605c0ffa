/**
 * The briefing pack with whatever staff paste into it: notes keep to their limit in view of the
 * reader, a link the page writes opens the same pack anywhere, and the Word and PowerPoint files
 * stay XML a strict parser reads, whatever the notes and titles hold.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';

const KEYS = ['topic/land/land-use', 'topic/land/land-reserve-area'];
const NOTE_LABEL = '备注（将印在图下）';

/** `text` repeated to exactly `length` UTF-16 code units. */
const fill = (text: string, length: number) =>
	text.repeat(Math.ceil(length / text.length)).slice(0, length);

async function openPack(page: Page, pack: object, lang: 'zh' | 'en' = 'zh') {
	await page.goto(
		`${lang === 'zh' ? '' : '/en'}/briefing#pack=${encodeURIComponent(JSON.stringify(pack))}`
	);
	await expect(page.locator('.sheet figure.chart svg')).toHaveCount(KEYS.length);
}

/** The counter and message a field points to with aria-describedby. */
async function limitOf(page: Page, field: Locator): Promise<Locator> {
	return page.locator(`#${await field.getAttribute('aria-describedby')}`);
}

/** A paste as the clipboard delivers it, at the caret. */
async function paste(field: Locator, text: string, at: number) {
	await field.evaluate(
		(el: HTMLTextAreaElement, [text, at]) => {
			el.focus();
			el.setSelectionRange(at as number, at as number);
			const clipboardData = new DataTransfer();
			clipboardData.setData('text/plain', text as string);
			el.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true })
			);
		},
		[text, at]
	);
}

test.describe('briefing notes and their limit', () => {
	test('a note shows its length as it is typed, and a paste over the limit says what it left out', async ({
		page
	}) => {
		await openPack(page, { items: KEYS.map((key) => ({ key, note: '' })) });
		const note = page.getByLabel(NOTE_LABEL).first();
		// no maxlength: the browser would cut what goes in over it without a word
		await expect(note).not.toHaveAttribute('maxlength');
		const limit = await limitOf(page, note);
		await expect(limit).toContainText('0 / 2000');
		await note.fill('净增');
		await expect(limit).toContainText('2 / 2000');

		await paste(note, '林'.repeat(2100), 1);
		await expect(note).toHaveValue('净' + '林'.repeat(1998) + '增');
		await expect(limit).toContainText('2000 / 2000');
		await expect(limit).toContainText('已达上限');
		await expect(limit.getByRole('status')).toHaveText(
			'粘贴的文字超出上限，末尾102个字符未能加入。'
		);
		// the note is kept whole in the link and in this browser
		await expect(page).toHaveURL(/%E5%87%80(%E6%9E%97){1998}%E5%A2%9E/);
		await page.reload();
		await expect(page.getByLabel(NOTE_LABEL).first()).toHaveValue('净' + '林'.repeat(1998) + '增');
		await expect(page.getByRole('alert')).toHaveCount(0);

		const title = page.getByLabel('标题', { exact: true });
		await expect(title).not.toHaveAttribute('maxlength');
		await title.fill('情况简报');
		await expect(await limitOf(page, title)).toContainText('4 / 2000');
	});

	test('text an input method commits into a nearly full note, or typed into a full title, says what was left out', async ({
		page
	}) => {
		await openPack(page, { items: KEYS.map((key) => ({ key, note: '' })) });
		const note = page.getByLabel(NOTE_LABEL).first();
		await note.fill('森'.repeat(1998));
		const limit = await limitOf(page, note);
		await expect(limit).toContainText('1998 / 2000');
		// pinyin composed and committed as Chromium's input method machinery does it
		const cdp = await page.context().newCDPSession(page);
		await note.focus();
		await cdp.send('Input.imeSetComposition', {
			text: 'lin di mian ji',
			selectionStart: 14,
			selectionEnd: 14
		});
		await cdp.send('Input.imeSetComposition', {
			text: '林地面积',
			selectionStart: 4,
			selectionEnd: 4
		});
		await cdp.send('Input.insertText', { text: '林地面积' });
		await expect(note).toHaveValue('森'.repeat(1998) + '林地');
		await expect(limit).toContainText('2000 / 2000');
		await expect(limit.getByRole('status')).toHaveText('输入的文字超出上限，末尾2个字符未能加入。');
		await expect(page).toHaveURL(/(%E6%A3%AE){1998}%E6%9E%97%E5%9C%B0(%22|%2C|,|")/);

		const title = page.getByLabel('标题', { exact: true });
		await title.fill('简'.repeat(2000));
		await title.press('End');
		await page.keyboard.insertText('报');
		await expect(title).toHaveValue('简'.repeat(2000));
		await expect((await limitOf(page, title)).getByRole('status')).toHaveText(
			'输入的文字超出上限，末尾1个字符未能加入。'
		);
		// deleting below the limit again clears the message
		await title.press('Backspace');
		await expect((await limitOf(page, title)).getByRole('status')).toHaveText('');
	});

	test('the English page counts too, and a pack cut to its limits says what was cut', async ({
		page
	}) => {
		await openPack(
			page,
			{
				title: 'x'.repeat(2010),
				items: KEYS.map((key, i) => ({ key, note: i ? 'y'.repeat(2500) : 'Net increase' }))
			},
			'en'
		);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(
			'The title was over 2000 characters; its last 10 were dropped'
		);
		await expect(alert).toContainText(
			'The note on figure 2 was over 2000 characters; its last 500'
		);
		const note = page.getByLabel('Note (printed under the chart)').first();
		await expect(await limitOf(page, note)).toContainText('12 / 2000');
	});
});

test.describe('a link the briefing page writes', () => {
	test('opens the same pack in another browser: notes at the limit, emoji, Chinese and control characters', async ({
		page,
		browser
	}) => {
		await openPack(page, { items: KEYS.map((key) => ({ key, note: '' })) });
		const title = '简报\u000b第二页\u0001 <w:t>]]>&amp; 👍🏽';
		const notes = [fill('林👍\u0001<w:t>&', 2000), fill('耕地保有量\u000c📈"\\', 2000)];
		await page.getByLabel('标题', { exact: true }).fill(title);
		for (const [i, note] of notes.entries()) await page.getByLabel(NOTE_LABEL).nth(i).fill(note);
		await expect(page.getByLabel(NOTE_LABEL).nth(1)).toHaveValue(notes[1]!);
		await expect(page).toHaveURL(/%F0%9F%93%88/); // 📈 has reached the address
		const shared = page.url();

		const other = await browser.newContext();
		const fresh = await other.newPage();
		await fresh.goto(shared);
		await expect(fresh.locator('.sheet article.item')).toHaveCount(KEYS.length);
		await expect(fresh.getByRole('alert')).toHaveCount(0);
		await expect(fresh.getByLabel('标题', { exact: true })).toHaveValue(title);
		for (const [i, note] of notes.entries())
			await expect(fresh.getByLabel(NOTE_LABEL).nth(i)).toHaveValue(note);
		await other.close();
	});
});

test.describe('Word and PowerPoint with pasted control characters and markup', () => {
	test('every XML part of both files parses in the browser’s strict XML parser, the text shown as typed', async ({
		page
	}) => {
		const title = '简报\u000b第二页\u0001\ufffe <w:t>]]>&amp;';
		await openPack(page, {
			title,
			items: KEYS.map((key, i) => ({
				key,
				note: i ? '' : '净增\u000b22.8公顷\u0001 <a:t>]]>&amp;'
			}))
		});
		for (const [button, main] of [
			['下载 Word', 'word/document.xml'],
			['下载 PowerPoint', 'ppt/slides/slide2.xml']
		] as const) {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: button }).click()
			]);
			const zip = await JSZip.loadAsync(await readFile((await download.path())!));
			const parts = Object.keys(zip.files).filter((f) => /\.(xml|rels)$/.test(f));
			for (const name of parts) {
				const xml = await zip.file(name)!.async('string');
				const error = await page.evaluate(
					(xml) =>
						new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror')
							?.textContent ?? null,
					xml
				);
				expect(error, `${button}: ${name}`).toBeNull();
			}
			const text = await page.evaluate(
				(xml) => {
					const doc = new DOMParser().parseFromString(xml, 'application/xml');
					return [...doc.getElementsByTagName('*')]
						.filter((e) => e.localName === 't')
						.map((e) => e.textContent)
						.join('|');
				},
				await zip.file(main)!.async('string')
			);
			expect(text, button).toContain('22.8公顷 <a:t>]]>&amp;');
		}
	});
});

test.describe('a full briefing', () => {
	test('“add to briefing” on a 41st chart adds nothing and says the pack is full', async ({
		page
	}) => {
		const items = Array.from({ length: 40 }, (_, n) => ({ key: `topic/t${n}/t${n}`, note: '' }));
		await page.addInitScript(
			(pack) => localStorage.setItem('district-figures:briefing', pack),
			JSON.stringify({ title: '', session: '', date: '', agenda: '', items })
		);
		await page.goto('/topics/land');
		const figure = page.locator('figure[data-chart="land-use"]');
		await figure.locator('details.menu > summary').click();
		await figure.getByRole('button', { name: '加入简报' }).click();
		await expect(figure.locator('.status')).toHaveText(
			'简报已有40张图，达到上限，未加入。请先在简报中删去一些。'
		);
		const stored = await page.evaluate(() => localStorage.getItem('district-figures:briefing'));
		expect(JSON.parse(stored!).items).toHaveLength(40);
		expect(stored).not.toContain('land-use');
	});
});
