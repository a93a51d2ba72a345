#!/usr/bin/env python3
"""A synthetic registry in the matrix form (Kamchatka guidelines 3.1) for the registry benchmark.

usage: registry-benchmark-data.py ROWS OUT.csv [--seed N]

Rows cycle through the four categories and every combination of the four facts; the applications per year are
drawn from a long-tailed distribution (a third at 100 or fewer, the 100/101 boundary included), so that most rows
have fact combinations of their own, as in a real registry. UTF-8 with BOM, «;», CRLF: what Russian Excel exports.
"""
import argparse
import random

HEADER = ["№ п/п", "ИОГВ", "Реквизиты НПА, которым утвержден регламент",
          "Идентификатор услуги в реестре государственных и муниципальных услуг", "Наименование услуги",
          "Наименование подуслуги", "1*", "2*", "3*", "4*", "5*", "6*", "7*", "8*", "9*",
          "Средне количество заявлений в год", "Примечание", "Категория услуги",
          "Можно без очного представления оригиналов", "Личный приём в органе", "Пошлина или иные платежи", "Через МФЦ"]
AGENCIES = ["Министерство социального благополучия и семейной политики Камчатского края",
            "Министерство природных ресурсов и экологии Камчатского края",
            "Агентство лесного хозяйства Камчатского края",
            "Администрация Петропавловск-Камчатского городского округа",
            "Министерство строительства Камчатского края"]
SERVICES = ["Назначение ежемесячной денежной выплаты на ребёнка", "Выдача разрешений на добычу охотничьих ресурсов",
            "Предоставление лесных участков в аренду без проведения торгов", "Выдача разрешения на строительство",
            "Предоставление информации об очерёдности предоставления жилых помещений"]
CATEGORIES = ["региональная", "муниципальная", "типовая муниципальная", "приоритетная"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=236)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8-sig", newline="") as out:
        out.write("Матрица составов действий (синтетический реестр для замера)\r\n")
        out.write(";".join(HEADER) + "\r\n")
        for i in range(args.rows):
            tail = rng.random()
            applications = rng.randint(0, 101) if tail < 0.33 else int(rng.lognormvariate(7, 1.5)) + 101
            facts = ["да" if (i >> bit) & 1 else "нет" for bit in range(4)]
            row = [f"{i + 1}.", AGENCIES[i % 5], f"Приказ от 12.03.2018 № {i % 900 + 1}-п", f"41{i:012d}",
                   SERVICES[(i // 5) % 5], "Подуслуга" if i % 3 else "", "", "", "", "", "", "", "", "", "",
                   str(applications), "", CATEGORIES[(i // 16) % 4]] + facts
            out.write(";".join(row) + "\r\n")


if __name__ == "__main__":
    main()
