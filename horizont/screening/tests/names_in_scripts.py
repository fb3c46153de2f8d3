"""Names of four listed people written in 20 scripts and alphabets, as the press of
each language writes them (standard transliterations of the Russian names).

Used by the tests (against a small list of look-alike names) and by
``benchmarks/screening_recall.py`` (against the full OFAC SDN list).
"""

from __future__ import annotations

SCRIPTS = (
    "latin", "russian", "ukrainian", "belarusian", "serbian", "mongolian", "kazakh",
    "greek", "arabic", "persian", "hebrew", "chinese", "japanese", "korean", "georgian",
    "armenian", "hindi", "bengali", "tamil", "thai",
)  # fmt: skip

NAMES: dict[str, tuple[str, ...]] = {
    "putin": (
        "Vladimir Putin", "Владимир Путин", "Володимир Путін", "Уладзімір Пуцін",
        "Владимир Путин", "Владимир Путин", "Владимир Путин", "Βλαντιμίρ Πούτιν",
        "فلاديمير بوتين", "ولادیمیر پوتین", "ולדימיר פוטין", "弗拉基米尔·普京",
        "ウラジーミル・プーチン", "블라디미르 푸틴", "ვლადიმერ პუტინი", "Վլադիմիր Պուտին",
        "व्लादिमीर पुतिन", "ভ্লাদিমির পুতিন", "விளாதிமிர் பூட்டின்", "วลาดีมีร์ ปูติน",
    ),
    "prigozhin": (
        "Yevgeny Prigozhin", "Евгений Пригожин", "Євген Пригожин", "Яўген Прыгожын",
        "Јевгениј Пригожин", "Евгений Пригожин", "Евгений Пригожин", "Γεβγκένι Πριγκόζιν",
        "يفغيني بريغوجين", "یوگنی پریگوژین", "יבגני פריגוז'ין", "叶夫根尼·普里戈任",
        "エフゲニー・プリゴジン", "예브게니 프리고진", "ევგენი პრიგოჟინი", "Եվգենի Պրիգոժին",
        "येवगेनी प्रिगोज़िन", "ইয়েভগেনি প্রিগোজিন", "யெவ்கேனி பிரிகோசின்", "เยฟเกนี ปรีโกซิน",
    ),
    "lavrov": (
        "Sergey Lavrov", "Сергей Лавров", "Сергій Лавров", "Сяргей Лаўроў",
        "Сергеј Лавров", "Сергей Лавров", "Сергей Лавров", "Σεργκέι Λαβρόφ",
        "سيرغي لافروف", "سرگئی لاوروف", "סרגיי לברוב", "谢尔盖·拉夫罗夫",
        "セルゲイ・ラブロフ", "세르게이 라브로프", "სერგეი ლავროვი", "Սերգեյ Լավրով",
        "सर्गेई लावरोव", "সের্গেই লাভরভ", "செர்கே லாவ்ரொவ்", "เซร์เก ลาวรอฟ",
    ),
    # An Arabic name with its article: joined to the word in Arabic script (الأسد), a
    # word of its own elsewhere (אל, アル), or left out (Асад).
    "assad": (
        "Bashar al-Assad", "Башар Асад", "Башар Асад", "Башар Асад",
        "Башар ел Асад", "Башар Асад", "Башар Асад", "Μπασάρ αλ-Άσαντ",
        "بشار الأسد", "بشار اسد", "בשאר אל-אסד", "巴沙尔·阿萨德",
        "バッシャール・アル＝アサド", "바샤르 알아사드", "ბაშარ ალ-ასადი", "Բաշար Ասադ",
        "बशर अल-असद", "বাশার আল-আসাদ", "பஷர் அல்-அசத்", "บัชชาร์ อัลอะซัด",
    ),
}  # fmt: skip

LISTED = {
    "putin": "PUTIN, Vladimir Vladimirovich",
    "prigozhin": "PRIGOZHIN, Yevgeniy Viktorovich",
    "lavrov": "LAVROV, Sergei Viktorovich",
    "assad": "AL-ASSAD, Bashar",
}

# People on no list whose names look like the listed ones.
LOOK_ALIKES = (
    "PETROV, Vladimir Ivanovich", "POTANIN, Vladimir Olegovich", "PUTILIN, Vladislav",
    "PUTINTSEV, Igor", "BUTINA, Maria Valerievna", "PRIGARIN, Yevgeniy Pavlovich",
    "PRIMAKOV, Yevgeniy Maksimovich", "POGORELOV, Yevgeniy", "LAVRINENKO, Sergei",
    "LAVROVSKY, Sergei Petrovich", "LAPIN, Sergei", "LAVROVA, Svetlana",
    "PUTIN, Igor Alexandrovich",
    "ZHIRINOVSKY, Vladimir Volfovich", "MEDINSKY, Vladimir Rostislavovich",
    "SERGEEV, Vladimir", "VLADIMIROV, Sergei", "PRIGOZHINA, Lyubov Valentinovna",
    "YEVGENIEV, Pavel", "SHOIGU, Sergei Kuzhugetovich", "LAVRENTIEV, Alexander",
    "PUDOVKIN, Vladimir", "PUGACHEV, Sergei Viktorovich", "PRIGOZHEV, Viktor",
    "AL-ASSAF, Bashir", "AL-ASSAF, Bashar", "ASAD, Basit", "AL-ASADI, Hashim",
    "BASHIR, Omar Hassan", "AL-ASSAD, Rifaat", "MAKHLOUF, Bashar", "AL-AZZAWI, Bashar",
)  # fmt: skip
