/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mail-guide.h: the guide's two mail images (「★アカウント発行通知メールの
 * イメージ」 and 「★既存アカウント通知メールのイメージ」), subject and body
 * as the guide prints them (each paragraph on a line of its own here),
 * and its sender. tests/mail-table.c makes every test mail from them. */
#pragma once

#define GUIDE_SENDER "info@g-mis.net"

#define GUIDE_ISSUE_SUBJECT "【厚生労働省G-MIS事務局】G-MISのご利用準備完了に伴うパスワード登録のご依頼"
#define GUIDE_ISSUE_BODY \
  "<p>〇〇病院 ご担当者様</p>\n" \
  "<p>先日、厚生労働省G-MIS事務局より、件名【厚生労働省G-MIS事務局】G-MISアカウント発行にかかる事前のご連絡」というメールをお送りさせていただきましたが、こちらは「医療機能・薬局機能情報提供制度」のオンライン報告を行う為に、G-MISに新規登録された貴機関のユーザに対してパスワード設定を行うためのメールです。</p>\n" \
  "<p>※本システムのご案内の通知は、以下、何れかの申請に基づき発行されました。          ・令和5年4月～6月に貴機関の方からG-MIS新規ユーザ登録申請を実施いただいた。          （この場合、申請内容を管轄の都道府県で承認していただいております）          ・管轄の都道府県から貴機関に対するG-MIS新規ユーザ登録の申請をいただいた。</p>\n" \
  "<p>「医療機能・薬局機能情報提供制度」の報告業務についてお心当たりが無い場合や、既にG-MISのユーザ名（ログインID）・パスワードをお持ちで本メールを受領された場合、お手数ではございますが、以下のユーザ名（ログインID）でログインいただく前に管轄の都道府県の「医療機能・薬局機能情報提供制度」の窓口までへご連絡ください。</p>\n" \
  "<p>G-MISへようこそ！          システムをご利用するには  <a href=\"https://www.med-login.mhlw.go.jp/login?c=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\">https://www.med-login.mhlw.go.jp/login?c=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</a>          にアクセスし、パスワードを設定してください。</p>\n" \
  "<p>ユーザ名（ログインID）：XXXXXX</p>\n" \
  "<p>2回目以降のアクセスはこちらから  <a href=\"https://www.med-login.mhlw.go.jp/s/login/\">https://www.med-login.mhlw.go.jp/s/login/</a>          よろしく願います。</p>\n" \
  "<p>なお、令和5年度のオンライン報告は開始時期が都道府県により異なります。          定期報告の開始時期については管轄の都道府県から追ってご連絡をいたします。          また、医療機能・薬局機能情報提供制度の概要については、厚生労働省の下記URLのページで説明しております。</p>\n" \
  "<p>※このメールはお手元に保管してください。          ※このメールは送信専用のメールアドレスから配信されています。          ご返信いただいてもお答えできませんのでご了承ください。</p>\n" \
  "<p>&lt;厚生労働省ホームページ&gt;          ■医療機能情報提供制度  <a href=\"https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html\">https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html</a>          ■薬局機能情報提供制度  <a href=\"https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iyakuhin/kinoujohou/index.html\">https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iyakuhin/kinoujohou/index.html</a></p>"

#define GUIDE_EXISTING_SUBJECT "【厚生労働省G-MIS事務局】報告機関内でのG-MISご利用者の確認依頼"
#define GUIDE_EXISTING_BODY \
  "<p>〇〇病院 ご担当者様</p>\n" \
  "<p>令和5年4月～6月の期間で実施いただきました、G-MIS新規ユーザ登録申請に基づき、貴機関にG-MISユーザが発行済みであることを確認させていただきました。          [申請番号：XXXXXXXXXXXXXX]</p>\n" \
  "<p>報告機関名：〇〇病院          住所：〇〇県〇〇市〇〇町XXXXXX          貴機関でご利用中のユーザ名（ログインID）：XXXXXX</p>\n" \
  "<p>上記の内容についてお心当たりが無い場合、お手数ではございますが管轄の都道府県の「医療機能情報提供制度」の窓口へご連絡ください。</p>\n" \
  "<p>貴機関につきましては、既にユーザ名（ログインID）が発行済みでG-MISをご利用いただいております。既存で発行済みのユーザに対しては医療機能情報提供制度がご利用できる権限を追加しております。          令和5年度のオンライン報告では、そちらのユーザから報告を行ってください。</p>\n" \
  "<p>なお、令和5年度のオンライン報告は開始時期が都道府県により異なります。          定期報告の開始時期については管轄の都道府県から追ってご連絡をいたします。          また、医療機能情報提供制度の概要については、厚生労働省の下記URLのページで説明しております。</p>\n" \
  "<p>※このメールは送信専用のメールアドレスから配信されています。          ご返信いただいてもお答えできませんのでご了承ください。</p>\n" \
  "<p>&lt;厚生労働省ホームページ&gt;          ■医療機能情報提供制度  <a href=\"https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html\">https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html</a></p>"

/* The pre-notice mail of 10月23日: the guide gives its subject only. */
#define GUIDE_PRE_NOTICE_SUBJECT "【厚生労働省G-MIS事務局】G-MISアカウント発行にかかる事前のご連絡"
