/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-words.c: the words the core adds around the content, in Japanese
 * and in English (see gma-words.h) */

#define G_LOG_DOMAIN "gma-words"

#include "config.h"

#include "gma-words.h"

static const GmaWords words_ja = {
  .language = "ja",
  .app_name = "G-MIS メール対処アシスタント",
  .based_on_before = "",
  .based_on_after = "の案内に基づく",
  .based_on_open = "（",
  .based_on_close = "）",
  .footer_before = "この内容は",
  .footer_after = "の案内に基づきます。",
  .source_before = "出典:「",
  .source_after = "」",
  .copy = "コピー",
  .copy_before = "",
  .copy_after = " をコピー",
  .url_open = "（",
  .url_close = "）",
  .answers_so_far = "これまでの回答",
  .none = "なし",
  .related_faq = "関連するよくある質問",
  .related_pages = "関連するページ",
  .flow_link = "全体の流れを図で見る",
  .flow_title = "全体の流れ",
  .flow_path_caption = "現在の回答の経路を強調して表示しています。オレンジの枠が現在のページです。",
  .flow_hint = "図の項目を選ぶと、その項目のページを表示します。",
  .category_open = "（",
  .category_close = "）",
  .summary_source = "出典: ",
  .summary_result = "結果: ",
  .summary_urls = "必要なURL:",
  .summary_question = "現在の質問: ",
  .needed_urls = "必要なURL",
  .qr_code = "QRコード",
  .counter = "都道府県の窓口",
  .counter_name = "窓口",
  .counter_phone = "電話番号",
  .counter_hours = "受付時間",
  .counter_url = "ウェブページ",
  .flow_diagram_title = "対処の流れ（フローチャート）",
};

static const GmaWords words_en = {
  .language = "en",
  .app_name = "G-MIS Mail Assistant",
  .based_on_before = "Based on the guidance of ",
  .based_on_after = "",
  .based_on_open = " (",
  .based_on_close = ")",
  .footer_before = "This content is based on the guidance of ",
  .footer_after = ".",
  .source_before = "Source: “",
  .source_after = "”",
  .copy = "Copy",
  .copy_before = "Copy ",
  .copy_after = "",
  .url_open = " (",
  .url_close = ")",
  .answers_so_far = "Your answers so far",
  .none = "none",
  .related_faq = "Related questions (FAQ)",
  .related_pages = "Related pages",
  .flow_link = "See the whole flow as a diagram",
  .flow_title = "The whole flow",
  .flow_path_caption = "The path of your answers is highlighted. The orange frame is the current page.",
  .flow_hint = "Choose an item of the diagram to show its page.",
  .category_open = " (",
  .category_close = ")",
  .summary_source = "Source: ",
  .summary_result = "Result: ",
  .summary_urls = "URLs you need:",
  .summary_question = "Current question: ",
  .needed_urls = "URLs you need",
  .qr_code = "QR code",
  .counter = "The prefecture’s counter",
  .counter_name = "Counter",
  .counter_phone = "Telephone",
  .counter_hours = "Hours",
  .counter_url = "Web page",
  .flow_diagram_title = "What to do, step by step (flowchart)",
};

const GmaWords *
gma_words_for_language (const char *language)
{
  return g_strcmp0 (language, "en") == 0 ? &words_en : &words_ja;
}
