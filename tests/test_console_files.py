"""Photos and documents in the in-process Bot API and the console chat: sendDocument is recorded
with its bytes and name, and the console writes both kinds beside the database."""

from bot import console
from bot.simulator import ChatMessage

PDF = b"%PDF-1.4\n% a document\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


async def test_send_document_is_recorded_with_its_bytes_and_name(advisor):
    bot = advisor.application.bot
    sent = await bot.send_document(7, PDF, filename="strategy.pdf", caption="Your strategy")
    assert sent.document.file_name == "strategy.pdf" and sent.caption == "Your strategy"
    [call] = advisor.api.calls_of("sendDocument")
    assert call["document"] == PDF
    message = advisor.api.chat(7)[-1]
    assert (message.document, message.document_name, message.text) == (PDF, "strategy.pdf", "Your strategy")
    assert advisor.api.files[sent.document.file_id] == PDF

    # Sent again by its file_id, as a bot does with a file Telegram already has.
    again = await bot.send_document(7, sent.document.file_id)
    assert advisor.api.chat(7)[-1].document == PDF
    assert again.document.file_name == "strategy.pdf"


async def test_the_console_writes_photos_and_documents_beside_the_database(advisor, tmp_path, settings):
    folder = console.files_folder(settings.database)
    assert folder == tmp_path / "advisor-files"
    printed = []
    advisor.api.listeners.append(lambda method, params, message: printed.append(
        console.render(method, params, message, console.save_file(folder, method, message))
    ))
    await advisor.application.bot.send_photo(7, PNG, caption="Your result card")
    await advisor.application.bot.send_document(7, PDF, filename="../strategy <en>.pdf", caption="Your strategy")
    await advisor.application.bot.send_message(7, "just text")

    photo = advisor.api.chat(7)[0]
    assert (folder / f"photo-{photo.message_id}.png").read_bytes() == PNG
    assert (folder / "strategy_en_.pdf").read_bytes() == PDF  # no way out of the folder, no odd characters
    assert printed[0] == f"\nYour result card\n  🖼 {folder / f'photo-{photo.message_id}.png'}"
    assert printed[1] == f"\nYour strategy\n  📎 {folder / 'strategy_en_.pdf'}"
    assert printed[2] == "\njust text"
    assert sorted(path.name for path in folder.iterdir()) == [f"photo-{photo.message_id}.png", "strategy_en_.pdf"]


def test_nothing_is_written_for_a_message_without_a_file(tmp_path):
    message = ChatMessage(chat_id=1, message_id=1, text="hello")
    assert console.save_file(tmp_path / "files", "sendMessage", message) is None
    assert console.save_file(tmp_path / "files", "editMessageText", message) is None
    assert not (tmp_path / "files").exists()
