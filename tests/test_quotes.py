from eventdesk.extraction.quotes import find_quotes


def speakers(text):
    return [(q.text, q.speaker) for q in find_quotes(text)]


def test_speaker_after_quote():
    assert speakers("“The bridge is gone,” Mayor Anna Koval said on Monday.") == [
        ("The bridge is gone", "Mayor Anna Koval")]
    assert speakers("\"We will respond,\" said Defence Minister Ali Reza, speaking in Tehran.") == [
        ("We will respond", "Defence Minister Ali Reza")]


def test_speaker_before_quote_and_telegram():
    text = "The regional governor wrote on Telegram: “Rescue work is continuing.”"
    (q,) = find_quotes(text)
    assert q.speaker == "The regional governor"
    assert text[q.span.start:q.span.end] == q.text
    assert text[q.speaker_span.start:q.speaker_span.end] == q.speaker


def test_pronoun_resolved_to_subject():
    text = ("Lindqvist, speaking after the vote, defended the deal. "
            "She said, “Nobody got everything they wanted, and that is fine.”")
    (q,) = find_quotes(text)
    assert q.speaker == "Lindqvist"
    assert q.speaker_span.start == 0


def test_scare_quotes_skipped_unless_attributed():
    assert find_quotes("The so-called “green corridor” opened again.") == []
    assert speakers("The army said it hit a “command post” near the river.") == [
        ("command post", "The army")]


def test_according_to():
    assert speakers("The convoy “came under fire twice on the road”, according to the UN "
                    "refugee agency.") == [("came under fire twice on the road",
                                            "the UN refugee agency")]
