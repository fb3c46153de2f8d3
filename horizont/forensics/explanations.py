"""Plain-language explanations of every test, in English, Russian, German and Polish.

``EXPLANATIONS[test_id][lang]`` is an :class:`Explanation` (title, what the test shows,
what it cannot prove). ``LABELS[lang]`` holds the other words of the report. The web
app reuses both.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "ru", "de", "pl")


@dataclass(frozen=True)
class Explanation:
    title: str
    shows: str
    cannot_prove: str


def _e(title: str, shows: str, cannot: str) -> Explanation:
    return Explanation(title, shows, cannot)


EXPLANATIONS: dict[str, dict[str, Explanation]] = {
    "comet": {
        "en": _e(
            "Turnout and the leader's share at every polling station",
            "Each polling station is a point: how many registered voters took a ballot "
            "(across) and what share of the ballots went to the leader (up). Honest "
            "elections usually form one round cloud. A long tail stretching to the top "
            "right — high turnout together with a high share — is what stations look like "
            "when ballots are added for one party.",
            "Some places really do vote with high turnout and for one party (closed "
            "institutions, some rural areas). The picture shows where to look, not who "
            "cheated.",
        ),
        "ru": _e(
            "Явка и доля лидера на каждом участке",
            "Каждый участок — точка: какая доля избирателей получила бюллетень "
            "(по горизонтали) и какая доля бюллетеней отдана лидеру (по вертикали). На "
            "честных выборах точки обычно образуют одно круглое облако. Длинный хвост в "
            "правый верхний угол — высокая явка вместе с высоким результатом — так "
            "выглядят участки, где за одну партию добавляют бюллетени.",
            "В некоторых местах действительно голосуют активно и за одну партию "
            "(закрытые учреждения, отдельные сёла). Картинка показывает, куда смотреть, "
            "но не доказывает, кто фальсифицировал.",
        ),
        "de": _e(
            "Wahlbeteiligung und Anteil des Spitzenreiters in jedem Wahllokal",
            "Jedes Wahllokal ist ein Punkt: wie viele Wahlberechtigte einen Stimmzettel "
            "erhielten (waagerecht) und welcher Anteil der Stimmzettel auf den "
            "Spitzenreiter entfiel (senkrecht). Ehrliche Wahlen bilden meist eine runde "
            "Wolke. Ein langer Schweif nach rechts oben — hohe Beteiligung und hoher "
            "Anteil zugleich — entsteht, wenn für eine Partei Stimmzettel hinzugefügt "
            "werden.",
            "Manche Orte wählen tatsächlich geschlossen und zahlreich (geschlossene "
            "Einrichtungen, manche Dörfer). Das Bild zeigt, wo man hinschauen sollte, "
            "nicht, wer betrogen hat.",
        ),
        "pl": _e(
            "Frekwencja i wynik lidera w każdej komisji",
            "Każda komisja to punkt: jaka część uprawnionych pobrała kartę (w poziomie) "
            "i jaka część kart przypadła liderowi (w pionie). Uczciwe wybory tworzą "
            "zwykle jedną okrągłą chmurę. Długi ogon w prawy górny róg — wysoka "
            "frekwencja razem z wysokim wynikiem — tak wyglądają komisje, w których "
            "dorzuca się karty jednej partii.",
            "Niektóre miejsca naprawdę głosują licznie i na jedną partię (zamknięte "
            "placówki, niektóre wsie). Obraz wskazuje, gdzie patrzeć, a nie kto "
            "oszukiwał.",
        ),
    },
    "integer": {
        "en": _e(
            "Too many round percentages",
            "We count the polling stations whose turnout or leader's share is a whole "
            "percent (70.0 %, 80.0 %…, within ±0.05 points) and compare with how many "
            "would land there by chance, computed exactly from the stations' own sizes "
            "and rates. Far more round numbers than chance allows is the trace of results "
            "written to a target rather than counted.",
            "The test shows that some numbers were very likely not counted honestly, but "
            "not which stations, by whom, or how many votes changed. Stations with few "
            "voters are left out because small numbers make round percentages common.",
        ),
        "ru": _e(
            "Слишком много круглых процентов",
            "Мы считаем участки, где явка или доля лидера — целое число процентов "
            "(70,0 %, 80,0 %…, с точностью ±0,05 пункта), и сравниваем с тем, сколько "
            "их было бы случайно; это ожидание вычислено точно по размерам и показателям "
            "самих участков. Намного больше круглых чисел, чем допускает случай, — след "
            "результатов, записанных под план, а не подсчитанных.",
            "Тест показывает, что часть чисел почти наверняка подсчитана нечестно, но "
            "не указывает, на каких участках, кем и сколько голосов изменено. Маленькие "
            "участки исключены: на них круглые проценты часты сами по себе.",
        ),
        "de": _e(
            "Zu viele runde Prozentzahlen",
            "Wir zählen die Wahllokale, deren Beteiligung oder Anteil des Spitzenreiters "
            "eine ganze Prozentzahl ist (70,0 %, 80,0 %…, auf ±0,05 Punkte genau), und "
            "vergleichen mit der Zahl, die zufällig zu erwarten wäre — exakt berechnet "
            "aus Größe und Quoten der Wahllokale selbst. Weit mehr runde Zahlen, als der "
            "Zufall zulässt, sind die Spur von Ergebnissen, die nach Vorgabe geschrieben "
            "statt gezählt wurden.",
            "Der Test zeigt, dass manche Zahlen sehr wahrscheinlich nicht ehrlich gezählt "
            "wurden, aber nicht, in welchen Wahllokalen, von wem oder wie viele Stimmen "
            "sich änderten. Kleine Wahllokale bleiben außen vor, weil runde Prozente dort "
            "oft von selbst entstehen.",
        ),
        "pl": _e(
            "Za dużo okrągłych procentów",
            "Liczymy komisje, w których frekwencja lub wynik lidera to pełna liczba "
            "procent (70,0 %, 80,0 %…, z dokładnością ±0,05 punktu), i porównujemy z "
            "liczbą, jaka wypadłaby przypadkiem — obliczoną dokładnie z wielkości i "
            "wskaźników samych komisji. Dużo więcej okrągłych liczb, niż dopuszcza "
            "przypadek, to ślad wyników wpisanych pod cel, a nie policzonych.",
            "Test pokazuje, że część liczb niemal na pewno nie została uczciwie "
            "policzona, ale nie wskazuje, w których komisjach, przez kogo ani ile głosów "
            "zmieniono. Małe komisje są pominięte, bo tam okrągłe procenty zdarzają się "
            "same.",
        ),
    },
    "regional": {
        "en": _e(
            "Where the round turnouts come from",
            "For each region: voters at stations with a whole-percent turnout minus voters "
            "at stations with a half-percent turnout (70.5 %…). By chance both are about "
            "equal; a large positive number means the region contributes many of the "
            "suspicious round results.",
            "A high rank does not say which stations in the region, and a region with "
            "few voters cannot reach a high rank even if it is affected.",
        ),
        "ru": _e(
            "Откуда берутся круглые явки",
            "Для каждого региона: число избирателей на участках с явкой, равной целому "
            "проценту, минус число избирателей на участках с явкой на половине процента "
            "(70,5 %…). Случайно обе величины примерно равны; большое положительное число "
            "значит, что регион даёт много подозрительно круглых результатов.",
            "Высокое место не говорит, какие именно участки региона виноваты, а "
            "небольшой регион не может занять высокое место, даже если он затронут.",
        ),
        "de": _e(
            "Woher die runden Beteiligungen kommen",
            "Für jede Region: Wahlberechtigte in Wahllokalen mit ganzzahliger Beteiligung "
            "minus Wahlberechtigte in Wahllokalen mit halbzahliger Beteiligung (70,5 %…). "
            "Zufällig sind beide etwa gleich; eine große positive Zahl bedeutet, dass die "
            "Region viele der verdächtig runden Ergebnisse liefert.",
            "Ein hoher Rang sagt nicht, welche Wahllokale der Region betroffen sind, und "
            "eine kleine Region kann keinen hohen Rang erreichen, selbst wenn sie "
            "betroffen ist.",
        ),
        "pl": _e(
            "Skąd biorą się okrągłe frekwencje",
            "Dla każdego regionu: wyborcy w komisjach z frekwencją równą pełnemu "
            "procentowi minus wyborcy w komisjach z frekwencją na połówce procenta "
            "(70,5 %…). Przypadkiem obie liczby są zbliżone; duża liczba dodatnia znaczy, "
            "że region daje wiele podejrzanie okrągłych wyników.",
            "Wysokie miejsce nie mówi, które komisje w regionie są winne, a mały region "
            "nie zajmie wysokiego miejsca, nawet jeśli jest dotknięty.",
        ),
    },
    "excess": {
        "en": _e(
            "How many votes may have been added",
            "Most stations share an ordinary turnout (the 'clean peak'); there the leader "
            "gets a certain number of votes for every vote of the other parties. Where "
            "turnout is higher, the other parties gain hardly any votes while the leader "
            "gains many. Counting the leader's votes above the clean ratio gives an "
            "estimate of added votes, shown with a range over reasonable settings.",
            "It rests on assumptions — that the other parties' votes were not touched and "
            "that high-turnout places would have voted like the clean peak. It is an "
            "order of magnitude, not a count of fraud.",
        ),
        "ru": _e(
            "Сколько голосов могло быть добавлено",
            "На большинстве участков явка обычная («чистый пик»); там лидер получает "
            "определённое число голосов на каждый голос других партий. Где явка выше, "
            "другие партии почти не прибавляют, а лидер прибавляет много. Голоса лидера "
            "сверх «чистого» соотношения дают оценку добавленных голосов; указан разброс "
            "при разумных настройках.",
            "Оценка опирается на допущения: голоса других партий не трогали, а места с "
            "высокой явкой голосовали бы как «чистый пик». Это порядок величины, а не "
            "подсчёт фальсификаций.",
        ),
        "de": _e(
            "Wie viele Stimmen hinzugefügt worden sein könnten",
            "Die meisten Wahllokale haben eine gewöhnliche Beteiligung (die 'saubere "
            "Spitze'); dort erhält der Spitzenreiter eine bestimmte Zahl Stimmen je Stimme "
            "der anderen Parteien. Wo die Beteiligung höher ist, gewinnen die anderen "
            "Parteien kaum Stimmen, der Spitzenreiter aber viele. Die Stimmen über dem "
            "sauberen Verhältnis ergeben eine Schätzung hinzugefügter Stimmen, mit einer "
            "Spanne über vernünftige Einstellungen.",
            "Sie beruht auf Annahmen — dass die Stimmen der anderen Parteien unberührt "
            "blieben und Orte mit hoher Beteiligung wie die saubere Spitze gewählt hätten. "
            "Sie nennt eine Größenordnung, keine Zählung von Betrug.",
        ),
        "pl": _e(
            "Ile głosów mogło zostać dodanych",
            "W większości komisji frekwencja jest zwykła („czysty szczyt”); tam lider "
            "dostaje określoną liczbę głosów na każdy głos innych partii. Gdzie "
            "frekwencja jest wyższa, inne partie prawie nie zyskują, a lider zyskuje "
            "dużo. Głosy lidera ponad „czystą” proporcję dają oszacowanie dodanych "
            "głosów, z rozrzutem przy rozsądnych ustawieniach.",
            "Opiera się na założeniach: głosów innych partii nie ruszano, a miejsca o "
            "wysokiej frekwencji głosowałyby jak czysty szczyt. To rząd wielkości, nie "
            "policzenie fałszerstw.",
        ),
    },
    "fingerprint": {
        "en": _e(
            "The election fingerprint",
            "A model of an honest election — turnout and share scattered around the clean "
            "peak — is fitted to the picture of all stations, allowing two kinds of "
            "fraud: some stations add a few ballots for the leader ('incremental'), some "
            "report almost everyone voting for the leader ('extreme'). The fitted shares "
            "of stations of each kind are shown with their uncertainty.",
            "The model is simple and the honest part is assumed to look like the clean "
            "peak; regions that genuinely differ can be mistaken for fraud. The fractions "
            "are a summary of the shape, not a count of falsified stations.",
        ),
        "ru": _e(
            "«Отпечаток» выборов",
            "Модель честных выборов — явка и доля лидера разбросаны вокруг «чистого "
            "пика» — подгоняется под картину всех участков с двумя видами фальсификаций: "
            "часть участков добавляет немного бюллетеней лидеру («постепенные»), часть "
            "сообщает, что почти все проголосовали за лидера («крайние»). Показаны "
            "подобранные доли участков каждого вида с их неопределённостью.",
            "Модель проста, а честная часть предполагается похожей на «чистый пик»; "
            "регионы, которые действительно отличаются, можно принять за фальсификацию. "
            "Доли описывают форму, а не число фальсифицированных участков.",
        ),
        "de": _e(
            "Der Fingerabdruck der Wahl",
            "Ein Modell einer ehrlichen Wahl — Beteiligung und Anteil streuen um die "
            "saubere Spitze — wird an das Bild aller Wahllokale angepasst, mit zwei Arten "
            "von Betrug: manche Wahllokale fügen dem Spitzenreiter einige Stimmzettel "
            "hinzu ('schrittweise'), manche melden, dass fast alle für ihn stimmten "
            "('extrem'). Gezeigt werden die angepassten Anteile jeder Art mit ihrer "
            "Unsicherheit.",
            "Das Modell ist einfach, und der ehrliche Teil soll wie die saubere Spitze "
            "aussehen; Regionen, die wirklich anders sind, können für Betrug gehalten "
            "werden. Die Anteile beschreiben die Form, nicht die Zahl gefälschter "
            "Wahllokale.",
        ),
        "pl": _e(
            "Odcisk palca wyborów",
            "Model uczciwych wyborów — frekwencja i wynik rozrzucone wokół czystego "
            "szczytu — dopasowuje się do obrazu wszystkich komisji, dopuszczając dwa "
            "rodzaje fałszerstw: część komisji dorzuca liderowi trochę kart "
            "(„stopniowe”), część podaje, że prawie wszyscy głosowali na lidera "
            "(„skrajne”). Pokazane są dopasowane udziały komisji każdego rodzaju z "
            "niepewnością.",
            "Model jest prosty, a uczciwa część ma wyglądać jak czysty szczyt; regiony "
            "naprawdę odmienne można wziąć za fałszerstwo. Udziały opisują kształt, a nie "
            "liczbę sfałszowanych komisji.",
        ),
    },
    "digits": {
        "en": _e(
            "Digit tests",
            "Counted votes follow typical digit patterns: the second digit of a count "
            "averages about 4.19, the last digit 4.5, and one count in five ends in 0 or "
            "5. People who invent numbers tend to break these patterns.",
            "Honest counts also deviate, for example when stations have similar sizes or "
            "a party is very strong. Digit tests are weak evidence and are shown for "
            "completeness.",
        ),
        "ru": _e(
            "Тесты цифр",
            "Подсчитанные голоса подчиняются типичным закономерностям цифр: вторая цифра "
            "числа в среднем около 4,19, последняя — 4,5, и каждое пятое число "
            "оканчивается на 0 или 5. Люди, придумывающие числа, обычно нарушают эти "
            "закономерности.",
            "Честные подсчёты тоже отклоняются, например когда участки похожи по размеру "
            "или партия очень сильна. Тесты цифр — слабые доказательства и приведены для "
            "полноты.",
        ),
        "de": _e(
            "Ziffern-Tests",
            "Gezählte Stimmen folgen typischen Ziffernmustern: die zweite Ziffer einer "
            "Zahl liegt im Mittel bei etwa 4,19, die letzte bei 4,5, und jede fünfte Zahl "
            "endet auf 0 oder 5. Wer Zahlen erfindet, verletzt diese Muster oft.",
            "Auch ehrliche Zählungen weichen ab, etwa bei ähnlich großen Wahllokalen oder "
            "einer sehr starken Partei. Ziffern-Tests sind schwache Belege und stehen der "
            "Vollständigkeit halber hier.",
        ),
        "pl": _e(
            "Testy cyfr",
            "Policzone głosy mają typowe wzory cyfr: druga cyfra liczby wynosi średnio "
            "około 4,19, ostatnia 4,5, a co piąta liczba kończy się na 0 lub 5. Ludzie "
            "wymyślający liczby zwykle łamią te wzory.",
            "Uczciwe liczenie też odbiega, np. gdy komisje są podobnej wielkości albo "
            "partia jest bardzo silna. Testy cyfr to słabe dowody, podane dla "
            "kompletności.",
        ),
    },
    "correlation": {
        "en": _e(
            "Does the leader gain when more people vote?",
            "In honest elections turnout and a party's share are only loosely related. "
            "A strong rise of the leader's share with turnout — the slope tells how much "
            "of each additional ballot went to the leader — fits ballot stuffing.",
            "Mobilisation of the leader's supporters also raises both together. The "
            "correlation is a hint, not evidence on its own.",
        ),
        "ru": _e(
            "Растёт ли результат лидера вместе с явкой?",
            "На честных выборах явка и доля партии связаны слабо. Сильный рост доли "
            "лидера с явкой — наклон показывает, какая часть каждого дополнительного "
            "бюллетеня ушла лидеру, — согласуется с вбросами.",
            "Мобилизация сторонников лидера тоже поднимает обе величины. Корреляция — "
            "намёк, а не доказательство сама по себе.",
        ),
        "de": _e(
            "Gewinnt der Spitzenreiter, wenn mehr Menschen wählen?",
            "Bei ehrlichen Wahlen hängen Beteiligung und Anteil einer Partei nur lose "
            "zusammen. Ein starker Anstieg des Anteils mit der Beteiligung — die Steigung "
            "sagt, welcher Teil jedes zusätzlichen Stimmzettels an den Spitzenreiter ging "
            "— passt zu Stimmzettel-Einwurf.",
            "Auch die Mobilisierung seiner Anhänger hebt beides zugleich. Die Korrelation "
            "ist ein Hinweis, allein kein Beleg.",
        ),
        "pl": _e(
            "Czy lider zyskuje, gdy głosuje więcej osób?",
            "W uczciwych wyborach frekwencja i wynik partii są słabo powiązane. Silny "
            "wzrost wyniku lidera z frekwencją — nachylenie mówi, jaka część każdej "
            "dodatkowej karty przypadła liderowi — pasuje do dorzucania kart.",
            "Mobilizacja zwolenników lidera też podnosi obie wielkości. Korelacja to "
            "wskazówka, a nie dowód sam w sobie.",
        ),
    },
    "flags": {
        "en": _e(
            "Stations worth a closer look",
            "Stations are flagged for turnout of 99 % or more, round percentages, results "
            "identical to another station of the same territorial commission, and "
            "suspicious small counts (many stations giving a party exactly 1 or 2 votes "
            "but almost none giving 0).",
            "A flag is a reason to check the protocol and observers' reports, not proof "
            "that a station cheated.",
        ),
        "ru": _e(
            "Участки, на которые стоит посмотреть внимательнее",
            "Участки отмечаются за явку 99 % и выше, круглые проценты, результаты, "
            "совпадающие с другим участком той же ТИК, и подозрительные малые числа "
            "(много участков дают партии ровно 1 или 2 голоса, но почти ни один — 0).",
            "Отметка — повод проверить протокол и отчёты наблюдателей, а не "
            "доказательство фальсификации на участке.",
        ),
        "de": _e(
            "Wahllokale, die einen genaueren Blick lohnen",
            "Markiert werden Wahllokale mit 99 % Beteiligung oder mehr, runden "
            "Prozentzahlen, Ergebnissen, die einem anderen Wahllokal derselben "
            "Territorialkommission gleichen, und verdächtig kleinen Zahlen (viele "
            "Wahllokale geben einer Partei genau 1 oder 2 Stimmen, fast keines 0).",
            "Eine Markierung ist ein Grund, Protokoll und Berichte der Beobachter zu "
            "prüfen, kein Beweis für Betrug.",
        ),
        "pl": _e(
            "Komisje warte bliższego przyjrzenia się",
            "Oznaczamy komisje z frekwencją 99 % i wyższą, okrągłymi procentami, "
            "wynikami identycznymi z inną komisją tej samej komisji terytorialnej oraz "
            "podejrzanie małymi liczbami (wiele komisji daje partii dokładnie 1 lub 2 "
            "głosy, a prawie żadna 0).",
            "Oznaczenie to powód, by sprawdzić protokół i raporty obserwatorów, a nie "
            "dowód fałszerstwa.",
        ),
    },
}

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Forensic report",
        "summary": "Summary",
        "stations": "Polling stations",
        "registered": "Registered voters",
        "turnout": "Turnout",
        "leader": "Leader",
        "leader_share": "Leader's share of ballots in the boxes",
        "what_shows": "What it shows",
        "cannot_prove": "What it cannot prove",
        "observed": "Observed",
        "expected": "Expected by chance",
        "excess": "Excess",
        "p_value": "p-value",
        "condition": "Round",
        "weight": "Counted as",
        "region": "Region",
        "excess_voters": "Excess voters",
        "estimate": "Estimate",
        "range": "Range",
        "incremental": "Incremental fraud",
        "extreme": "Extreme fraud",
        "test": "Test",
        "value": "Value",
        "interval": "95 % interval",
        "flag": "Flag",
        "count": "Stations",
        "warnings": "Notes on the data",
        "implausible": "Implausible figures: check them before reading on",
        "column_mapping": "Columns of the file used for each protocol line",
        "protocol_line": "Protocol line",
        "file_column": "Column in the file",
        "not_matched": "no column matched",
        "assumptions_fail": "The assumptions of this estimate do not hold here",
        "abroad": "Stations abroad",
        "remote": "Remote electronic voting",
        "parties": "Results",
        "votes": "Votes",
        "share": "Share",
        "method": "How this was computed",
        "clean": "clean peak",
        "findings": "Main findings",
        "finding_integer": (
            "{observed} polling stations report a round turnout or leader's share; chance would "
            "give {mean} ± {sd}. The excess of {excess} stations is {z} standard deviations above "
            "chance (p {p})."
        ),
        "finding_regions": "Most voters at round turnouts come from: {regions}.",
        "finding_excess": (
            "Estimated votes added for the leader: {estimate} million (range {low}–{high} million)"
            " of {total} million."
        ),
        "finding_fingerprint": (
            "The fingerprint fits incremental fraud at {inc} of stations and extreme fraud at "
            "{ext}."
        ),
    },
    "ru": {
        "report": "Статистический анализ выборов",
        "summary": "Итоги",
        "stations": "Участков",
        "registered": "Избирателей в списках",
        "turnout": "Явка",
        "leader": "Лидер",
        "leader_share": "Доля лидера среди бюллетеней в ящиках",
        "what_shows": "Что показывает",
        "cannot_prove": "Чего не доказывает",
        "observed": "Наблюдается",
        "expected": "Ожидается случайно",
        "excess": "Избыток",
        "p_value": "p-значение",
        "condition": "Круглые",
        "weight": "Считаем",
        "region": "Регион",
        "excess_voters": "Избыток избирателей",
        "estimate": "Оценка",
        "range": "Разброс",
        "incremental": "Постепенные фальсификации",
        "extreme": "Крайние фальсификации",
        "test": "Тест",
        "value": "Значение",
        "interval": "95 % интервал",
        "flag": "Признак",
        "count": "Участков",
        "warnings": "Замечания о данных",
        "implausible": "Неправдоподобные цифры: проверьте их, прежде чем читать дальше",
        "column_mapping": "Какие столбцы файла взяты для строк протокола",
        "protocol_line": "Строка протокола",
        "file_column": "Столбец файла",
        "not_matched": "столбец не найден",
        "assumptions_fail": "Допущения этой оценки здесь не выполняются",
        "abroad": "Участки за рубежом",
        "remote": "Дистанционное электронное голосование",
        "parties": "Результаты",
        "votes": "Голосов",
        "share": "Доля",
        "method": "Как это посчитано",
        "clean": "чистый пик",
        "findings": "Главное",
        "finding_integer": (
            "На {observed} участках явка или доля лидера — круглое число процентов; случайно их "
            "было бы {mean} ± {sd}. Избыток в {excess} участков превышает случайный уровень на {z}"
            " стандартных отклонений (p {p})."
        ),
        "finding_regions": "Больше всего избирателей с круглой явкой: {regions}.",
        "finding_excess": (
            "Оценка добавленных лидеру голосов: {estimate} млн (разброс {low}–{high} млн) из "
            "{total} млн."
        ),
        "finding_fingerprint": (
            "«Отпечаток» соответствует постепенным фальсификациям на {inc} участков и крайним — на"
            " {ext}."
        ),
    },
    "de": {
        "report": "Forensischer Bericht",
        "summary": "Überblick",
        "stations": "Wahllokale",
        "registered": "Wahlberechtigte",
        "turnout": "Wahlbeteiligung",
        "leader": "Spitzenreiter",
        "leader_share": "Anteil des Spitzenreiters an den Stimmzetteln in den Urnen",
        "what_shows": "Was es zeigt",
        "cannot_prove": "Was es nicht beweisen kann",
        "observed": "Beobachtet",
        "expected": "Zufällig erwartet",
        "excess": "Überschuss",
        "p_value": "p-Wert",
        "condition": "Rund",
        "weight": "Gezählt als",
        "region": "Region",
        "excess_voters": "Überschüssige Wähler",
        "estimate": "Schätzung",
        "range": "Spanne",
        "incremental": "Schrittweiser Betrug",
        "extreme": "Extremer Betrug",
        "test": "Test",
        "value": "Wert",
        "interval": "95-%-Intervall",
        "flag": "Merkmal",
        "count": "Wahllokale",
        "warnings": "Hinweise zu den Daten",
        "implausible": "Unplausible Zahlen: bitte prüfen, bevor Sie weiterlesen",
        "column_mapping": "Verwendete Spalten der Datei je Protokollzeile",
        "protocol_line": "Protokollzeile",
        "file_column": "Spalte der Datei",
        "not_matched": "keine passende Spalte",
        "assumptions_fail": "Die Annahmen dieser Schätzung gelten hier nicht",
        "abroad": "Wahllokale im Ausland",
        "remote": "Elektronische Fernabstimmung",
        "parties": "Ergebnisse",
        "votes": "Stimmen",
        "share": "Anteil",
        "method": "Wie das berechnet wurde",
        "clean": "saubere Spitze",
        "findings": "Wichtigste Ergebnisse",
        "finding_integer": (
            "{observed} Wahllokale melden eine runde Beteiligung oder einen runden Anteil des "
            "Spitzenreiters; zufällig wären es {mean} ± {sd}. Der Überschuss von {excess} "
            "Wahllokalen liegt {z} Standardabweichungen über dem Zufall (p {p})."
        ),
        "finding_regions": ("Die meisten Wähler mit runder Beteiligung stammen aus: {regions}."),
        "finding_excess": (
            "Geschätzte zusätzliche Stimmen für den Spitzenreiter: {estimate} Mio. (Spanne "
            "{low}–{high} Mio.) von {total} Mio."
        ),
        "finding_fingerprint": (
            "Der Fingerabdruck passt zu schrittweisem Betrug in {inc} der Wahllokale und extremem "
            "in {ext}."
        ),
    },
    "pl": {
        "report": "Raport statystyczny",
        "summary": "Podsumowanie",
        "stations": "Komisje",
        "registered": "Uprawnieni",
        "turnout": "Frekwencja",
        "leader": "Lider",
        "leader_share": "Wynik lidera wśród kart w urnach",
        "what_shows": "Co pokazuje",
        "cannot_prove": "Czego nie dowodzi",
        "observed": "Zaobserwowano",
        "expected": "Oczekiwane przypadkiem",
        "excess": "Nadwyżka",
        "p_value": "wartość p",
        "condition": "Okrągłe",
        "weight": "Liczone jako",
        "region": "Region",
        "excess_voters": "Nadwyżka wyborców",
        "estimate": "Oszacowanie",
        "range": "Rozrzut",
        "incremental": "Fałszerstwa stopniowe",
        "extreme": "Fałszerstwa skrajne",
        "test": "Test",
        "value": "Wartość",
        "interval": "Przedział 95 %",
        "flag": "Cecha",
        "count": "Komisje",
        "warnings": "Uwagi o danych",
        "implausible": "Nieprawdopodobne liczby: sprawdź je przed dalszą lekturą",
        "column_mapping": "Kolumny pliku użyte dla wierszy protokołu",
        "protocol_line": "Wiersz protokołu",
        "file_column": "Kolumna pliku",
        "not_matched": "brak pasującej kolumny",
        "assumptions_fail": "Założenia tego szacunku nie są tu spełnione",
        "abroad": "Komisje za granicą",
        "remote": "Zdalne głosowanie elektroniczne",
        "parties": "Wyniki",
        "votes": "Głosy",
        "share": "Udział",
        "method": "Jak to policzono",
        "clean": "czysty szczyt",
        "findings": "Najważniejsze wnioski",
        "finding_integer": (
            "{observed} komisji podaje okrągłą frekwencję lub wynik lidera; przypadkiem byłoby ich"
            " {mean} ± {sd}. Nadwyżka {excess} komisji przekracza poziom przypadku o {z} odchyleń "
            "standardowych (p {p})."
        ),
        "finding_regions": ("Najwięcej wyborców z okrągłą frekwencją pochodzi z: {regions}."),
        "finding_excess": (
            "Szacunek głosów dodanych liderowi: {estimate} mln (rozrzut {low}–{high} mln) z "
            "{total} mln."
        ),
        "finding_fingerprint": (
            "Odcisk palca pasuje do fałszerstw stopniowych w {inc} komisji i skrajnych w {ext}."
        ),
    },
}

TERMS: dict[str, dict[str, str]] = {
    "turnout": {"en": "turnout", "ru": "явка", "de": "Beteiligung", "pl": "frekwencja"},
    "share": {"en": "leader's share", "ru": "доля лидера", "de": "Anteil", "pl": "wynik lidera"},
    "either": {"en": "either", "ru": "любое из двух", "de": "eines von beiden", "pl": "dowolne"},
    "stations": {"en": "stations", "ru": "участки", "de": "Wahllokale", "pl": "komisje"},
    "registered": {"en": "voters", "ru": "избиратели", "de": "Wahlberechtigte", "pl": "wyborcy"},
    "ballots": {"en": "ballots", "ru": "бюллетени", "de": "Stimmzettel", "pl": "karty"},
    "leader": {"en": "leader's votes", "ru": "голоса лидера", "de": "Stimmen", "pl": "głosy"},
    "turnout_99": {"en": "turnout ≥ 99 %", "ru": "явка ≥ 99 %", "de": "Beteiligung ≥ 99 %",
                   "pl": "frekwencja ≥ 99 %"},
    "integer_turnout": {"en": "round turnout", "ru": "круглая явка",
                        "de": "runde Beteiligung", "pl": "okrągła frekwencja"},
    "integer_share": {"en": "round share", "ru": "круглая доля", "de": "runder Anteil",
                      "pl": "okrągły wynik"},
    "identical_results": {"en": "identical results in the TIK", "ru": "одинаковые результаты в ТИК",
                          "de": "gleiche Ergebnisse in der TIK", "pl": "identyczne wyniki w TIK"},
    "small_count_anomaly": {"en": "suspicious small counts", "ru": "подозрительные малые числа",
                            "de": "verdächtige kleine Zahlen", "pl": "podejrzane małe liczby"},
    "second_digit_mean": {"en": "mean second digit", "ru": "средняя вторая цифра",
                          "de": "mittlere zweite Ziffer", "pl": "średnia druga cyfra"},
    "last_digit_mean": {"en": "mean last digit", "ru": "средняя последняя цифра",
                        "de": "mittlere letzte Ziffer", "pl": "średnia ostatnia cyfra"},
    "last_digit_0_or_5": {"en": "share ending in 0 or 5",
                          "ru": "доля оканчивающихся на 0 или 5",
                          "de": "Anteil mit Endziffer 0 oder 5",
                          "pl": "udział kończących się na 0 lub 5"},
    "all_parties": {"en": "all parties", "ru": "все партии", "de": "alle Parteien",
                    "pl": "wszystkie partie"},
}  # fmt: skip

#: Names of the protocol lines in the column mapping.
LINE_TERMS: dict[str, dict[str, str]] = {
    "registered voters": {
        "en": "registered voters",
        "ru": "избиратели (участники) в списке",
        "de": "Wahlberechtigte",
        "pl": "uprawnieni do głosowania",
    },
    "ballots received": {
        "en": "ballots received",
        "ru": "получено бюллетеней",
        "de": "erhaltene Stimmzettel",
        "pl": "otrzymane karty",
    },
    "ballots issued early": {
        "en": "ballots issued early",
        "ru": "выдано досрочно",
        "de": "vorzeitig ausgegeben",
        "pl": "wydane przedterminowo",
    },
    "ballots issued on the premises": {
        "en": "ballots issued on the premises",
        "ru": "выдано в помещении (в день голосования)",
        "de": "im Wahlraum ausgegeben",
        "pl": "wydane w lokalu",
    },
    "ballots issued outside the premises": {
        "en": "ballots issued outside the premises",
        "ru": "выдано вне помещения",
        "de": "außerhalb ausgegeben",
        "pl": "wydane poza lokalem",
    },
    "ballots issued (one line)": {
        "en": "ballots issued (one line)",
        "ru": "выдано бюллетеней (одна строка)",
        "de": "ausgegebene Stimmzettel (eine Zeile)",
        "pl": "wydane karty (jeden wiersz)",
    },
    "ballots cancelled": {
        "en": "ballots cancelled",
        "ru": "погашено",
        "de": "entwertet",
        "pl": "unieważnione karty",
    },
    "ballots in portable boxes": {
        "en": "ballots in portable boxes",
        "ru": "в переносных ящиках",
        "de": "in mobilen Urnen",
        "pl": "w urnach przenośnych",
    },
    "ballots in stationary boxes": {
        "en": "ballots in stationary boxes",
        "ru": "в стационарных ящиках",
        "de": "in festen Urnen",
        "pl": "w urnach stacjonarnych",
    },
    "ballots in the boxes (one line)": {
        "en": "ballots in the boxes (one line)",
        "ru": "в ящиках (одна строка)",
        "de": "in den Urnen (eine Zeile)",
        "pl": "w urnach (jeden wiersz)",
    },
    "invalid ballots": {
        "en": "invalid ballots",
        "ru": "недействительные",
        "de": "ungültige Stimmzettel",
        "pl": "głosy nieważne",
    },
    "valid ballots": {
        "en": "valid ballots",
        "ru": "действительные",
        "de": "gültige Stimmzettel",
        "pl": "głosy ważne",
    },
    "ballots lost": {
        "en": "ballots lost",
        "ru": "утраченные",
        "de": "verlorene Stimmzettel",
        "pl": "utracone karty",
    },
    "ballots not accounted for": {
        "en": "ballots not accounted for",
        "ru": "не учтённые при получении",
        "de": "nicht erfasste Stimmzettel",
        "pl": "karty nieujęte",
    },
    "absentee certificates and applications": {
        "en": "absentee certificates and applications",
        "ru": "открепительные удостоверения и заявления",
        "de": "Wahlscheine und Anträge",
        "pl": "zaświadczenia i wnioski",
    },
    "parties or candidates": {
        "en": "parties or candidates",
        "ru": "партии или кандидаты",
        "de": "Parteien oder Kandidaten",
        "pl": "partie lub kandydaci",
    },
    "not recognised": {
        "en": "not recognised",
        "ru": "не распознан",
        "de": "nicht erkannt",
        "pl": "nie rozpoznano",
    },
}
TERMS.update(LINE_TERMS)


def explanation(test_id: str, lang: str) -> Explanation:
    """The explanation of ``test_id`` in ``lang`` (English when the language is unknown)."""
    texts = EXPLANATIONS[test_id]
    return texts.get(lang, texts["en"])
