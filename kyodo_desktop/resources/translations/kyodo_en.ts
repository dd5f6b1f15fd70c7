<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message>
        <source>台帳を開けません</source>
        <translation>Cannot open the register</translation>
    </message>
    <message>
        <source>ログインの情報（KYODO_USER と KYODO_PASSWORD）がありません。</source>
        <translation>The login details (KYODO_USER and KYODO_PASSWORD) are missing.</translation>
    </message>
    <message>
        <source>協働デスク</source>
        <translation>Kyodo Desktop</translation>
    </message>
    <message>
        <source>バックアップを作成しています…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <source>台帳の暗号化</source>
        <translation>Register encryption</translation>
    </message>
    <message>
        <source>バックアップ</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>開いたときのバックアップを作成できませんでした。
{exc}
台帳はそのまま使えますが、バックアップの保存先（このパソコンの空き容量）を確かめてください。</source>
        <translation>The backup on opening could not be made.
{exc}
You can keep using the register, but please check where backups are saved (free space on this computer).</translation>
    </message>
    <message>
        <source>台帳を作成できません</source>
        <translation>Cannot create the register</translation>
    </message>
    <message>
        <source>台帳の保存先</source>
        <translation>Where to save the register</translation>
    </message>
    <message>
        <source>協働デスクの台帳 (*.kyodo)</source>
        <translation>Kyodo Desktop register (*.kyodo)</translation>
    </message>
    <message>
        <source>台帳を開く</source>
        <translation>Open register</translation>
    </message>
    <message>
        <source>協働デスクの台帳 (*.kyodo);;すべてのファイル (*)</source>
        <translation>Kyodo Desktop register (*.kyodo);;All files (*)</translation>
    </message>
    <message>
        <source>バックアップから台帳を取り出す</source>
        <translation>Restore a register from a backup</translation>
    </message>
    <message>
        <source>このパソコンには、台帳のバックアップがありません。</source>
        <translation>There are no register backups on this computer.</translation>
    </message>
    <message>
        <source>取り出した台帳の保存先</source>
        <translation>Where to save the restored register</translation>
    </message>
    <message>
        <source>{error}
何も作っていません。</source>
        <translation>{error}
Nothing was created.</translation>
    </message>
    <message>
        <source>{name} を作りました（鍵ファイルと2つで1組です）。バックアップの時点の内容です。それ以後に入力したことは入れ直してください。</source>
        <translation>{name} has been created (it works as a pair with its key file). It contains the data as of the backup. Please enter again anything you entered after that.</translation>
    </message>
    <message>
        <source>この言語の訳のファイルが見つかりません。</source>
        <translation>The translation file for this language was not found.</translation>
    </message>
    <message>
        <source>管理者</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>役員</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>班長</source>
        <translation>Block leader</translation>
    </message>
    <message>
        <source>閲覧</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>ログイン</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>出力・印刷</source>
        <translation>Export/print</translation>
    </message>
    <message>
        <source>要配慮個人情報</source>
        <translation>Sensitive personal information</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>アカウント</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>記録の消去</source>
        <translation>Record deletion</translation>
    </message>
    <message>
        <source>早い期から順に</source>
        <extracomment>the first choice of 期別 in a payment: the earliest instalments still open are paid first</extracomment>
        <translation>Earliest instalment first</translation>
    </message>
    <message>
        <source>会費の種類を追加</source>
        <translation>Add dues type</translation>
    </message>
    <message>
        <source>会費の種類「{name}」を変更</source>
        <translation>Change dues type &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>会員区分・会費区分が当てはまる世帯がこの種類の会費を納めます。上の種類から順に当てはめます（新しい種類はいちばん上に入ります）。</source>
        <translation>Households whose membership type and dues category match pay this type of dues. Types are matched from the top down (a new type is added at the very top).</translation>
    </message>
    <message>
        <source>名前</source>
        <extracomment>suggestions for the name of an agreement (DOMAIN.md §5.2); any other name may be typed. Not translated: the chosen text is stored as the agreement&apos;s name.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>会費の種類の名前</source>
        <translation>Name of the dues type</translation>
    </message>
    <message>
        <source>会員区分</source>
        <translation>Membership type</translation>
    </message>
    <message>
        <source>（問わない）</source>
        <translation>(any)</translation>
    </message>
    <message>
        <source>会費区分</source>
        <translation>Dues category</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>科目を追加</source>
        <translation>Add account item</translation>
    </message>
    <message>
        <source>新しい科目は、収入・支出のそれぞれ最後（予備費の前）に入ります。</source>
        <translation>A new account item is added at the end of income or expenses (before the reserve fund).</translation>
    </message>
    <message>
        <source>収入・支出</source>
        <translation>Income/expenses</translation>
    </message>
    <message>
        <source>科目の名前</source>
        <translation>Name of the account item</translation>
    </message>
    <message>
        <source>科目「{name}」の名前を変える</source>
        <translation>Rename account item &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>これまでの記帳と決算書も新しい名前で表示されます。</source>
        <translation>Past entries and settlement reports will also show the new name.</translation>
    </message>
    <message>
        <source>新しい名前</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>科目の新しい名前</source>
        <translation>New name of the account item</translation>
    </message>
    <message>
        <source>口座を追加</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>町会のお金を置いている所（現金・預金通帳など）を追加します。</source>
        <translation>Add a place where the association keeps its money (cash, a bank passbook, etc.).</translation>
    </message>
    <message>
        <source>口座の名前</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>例: 定期預金（北國銀行）</source>
        <translation>e.g. 定期預金（北國銀行）</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>金融機関・支店</source>
        <translation>Bank and branch</translation>
    </message>
    <message>
        <source>「{account}」の年度初めの残高</source>
        <translation>Opening balance of &quot;{account}&quot; for the fiscal year</translation>
    </message>
    <message>
        <source>このプログラムで帳簿をつけ始めた年度だけ入力します。前年度を締めた年度は、繰り越した残高が自動で入ります。</source>
        <translation>Enter this only for the fiscal year in which you started keeping the books in this program. For a year after a closed fiscal year, the balance carried forward is filled in automatically.</translation>
    </message>
    <message>
        <source>年度初めの残高（円）</source>
        <translation>Opening balance (yen)</translation>
    </message>
    <message>
        <source>年度初めの残高</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <source>校下への負担金の単価</source>
        <translation>Unit rate of the district (kōka) levy</translation>
    </message>
    <message>
        <source>校下（地区）に納める負担金の単価です。「世帯・月」は 世帯数×単価×12か月、「世帯・年」は 世帯数×単価、「町会・年」は町会ごとの定額です。</source>
        <translation>The unit rate of the levy paid to the school district (kōka). &quot;Per household per month&quot; is households × rate × 12 months, &quot;per household per year&quot; is households × rate, and &quot;per association per year&quot; is a fixed amount per association.</translation>
    </message>
    <message>
        <source>負担金の名前</source>
        <translation>Name of the levy</translation>
    </message>
    <message>
        <source>例: 公民館費</source>
        <translation>e.g. 公民館費</translation>
    </message>
    <message>
        <source>単価（円）</source>
        <translation>Unit rate (yen)</translation>
    </message>
    <message>
        <source>単価</source>
        <translation>Unit rate</translation>
    </message>
    <message>
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>納め先</source>
        <translation>Paid to</translation>
    </message>
    <message>
        <source>校下</source>
        <translation>District</translation>
    </message>
    <message>
        <source>空欄なら町会の校下</source>
        <translation>If blank, the association&apos;s district</translation>
    </message>
    <message>
        <source>年度を開く</source>
        <translation>Open fiscal year</translation>
    </message>
    <message>
        <source>この年度を開く</source>
        <translation>Open this fiscal year</translation>
    </message>
    <message>
        <source>帳簿をつける年度を開きます。前年度の会費の額と校下への負担金の単価が写されます（あとで変えられます）。</source>
        <translation>Opens a fiscal year for bookkeeping. The dues amounts and the district levy rates of the previous year are copied (you can change them later).</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>すべての班</source>
        <translation>All blocks</translation>
    </message>
    <message>
        <source>すべての口座（合計）</source>
        <translation>All accounts (total)</translation>
    </message>
    <message>
        <source>世帯No.{id}</source>
        <translation>Household No.{id}</translation>
    </message>
    <message>
        <source>済 {m}/{d}</source>
        <translation>Paid {m}/{d}</translation>
    </message>
    <message>
        <source>済</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>一部 {paid}円・残 {rest}円</source>
        <translation>Part paid {paid} yen, {rest} yen left</translation>
    </message>
    <message>
        <source>未納 {due}円</source>
        <translation>Unpaid {due} yen</translation>
    </message>
    <message>
        <source>取消の記帳（No.{n}）</source>
        <translation>Cancelling entry (No.{n})</translation>
    </message>
    <message>
        <source>取消済（No.{n}）</source>
        <translation>Cancelled (No.{n})</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>世帯</source>
        <extracomment>the numbers shown before the report is made: (field key, unit); yen fields are shown as money</extracomment>
        <translation>Household</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>年額</source>
        <translation>Yearly amount</translation>
    </message>
    <message>
        <source>入金済</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>未納</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>期別ごと</source>
        <translation>By instalment</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>収支</source>
        <translation>In/out</translation>
    </message>
    <message>
        <source>科目</source>
        <translation>Account item</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>収入</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>支出</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <source>残高</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>口座</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>領収書</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel entry</translation>
    </message>
    <message>
        <source>予算額</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>決算額</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>差額（決算−予算）</source>
        <translation>Difference (actual − budget)</translation>
    </message>
    <message>
        <source>負担金</source>
        <translation>Levy</translation>
    </message>
    <message>
        <source>世帯数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>か月</source>
        <translation>months</translation>
    </message>
    <message>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>資機材・避難場所・組織</source>
        <translation>Equipment, evacuation sites and organisation</translation>
    </message>
    <message>
        <source>町会全体</source>
        <translation>Whole association</translation>
    </message>
    <message>
        <source>変更するには、名簿を変更できる役割（役員・班長・管理者）が必要です</source>
        <translation>To make changes you need a role that can edit the member list (officer, block leader or administrator)</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>廃棄（{0}）</source>
        <translation>Disposed of ({0})</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation>({0})</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>保管場所</source>
        <translation>Storage place</translation>
    </message>
    <message>
        <source>購入</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <source>補助金</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <source>最終点検</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在地</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>班（役割）</source>
        <translation>Block (role)</translation>
    </message>
    <message>
        <source>役</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>住んでいる班</source>
        <translation>Lives in block</translation>
    </message>
    <message>
        <source>気をつけること</source>
        <translation>Points to note</translation>
    </message>
    <message>
        <source>（未定）</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <source>⚠ まだ誰もいません</source>
        <translation>⚠ Nobody yet</translation>
    </message>
    <message>
        <source>⚠ 転出などで名簿にいません。外してください</source>
        <translation>⚠ No longer in the member list (moved out, etc.). Please remove</translation>
    </message>
    <message>
        <source>資機材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>集合場所・避難所</source>
        <translation>Meeting points and shelters</translation>
    </message>
    <message>
        <source>自主防災の組織</source>
        <translation>Voluntary disaster prevention organisation</translation>
    </message>
    <message>
        <source>校下・市の集計（報告書を集める）</source>
        <translation>District/city totals (collect reports)</translation>
    </message>
    <message>
        <source>読めた</source>
        <extracomment>how often the window looks at the running work (ms): often enough for a smooth bar the counts shown above the table: (key, label, what it means)</extracomment>
        <translation>Read</translation>
    </message>
    <message>
        <source>報告として読めたファイル（問題ありを含む）</source>
        <translation>Files read as reports (including those with problems)</translation>
    </message>
    <message>
        <source>問題あり</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>読めたが誤りがあり、合計に含めなかった報告</source>
        <translation>Reports that were read but contain errors and were left out of the totals</translation>
    </message>
    <message>
        <source>読めなかった</source>
        <translation>Not read</translation>
    </message>
    <message>
        <source>報告として読めなかったファイル（理由は表に）</source>
        <translation>Files that could not be read as reports (see the table for the reason)</translation>
    </message>
    <message>
        <source>除いた</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>一時ファイルなど、わざと読まなかったファイル</source>
        <translation>Files deliberately not read, such as temporary files</translation>
    </message>
    <message>
        <source>行を選ぶと、そのファイルの問題をすべてここに出します。</source>
        <extracomment>the 校下 table&apos;s sums (a subset of the summary workbook&apos;s, the numbers asked about first)</extracomment>
        <translation>Select a row to see all problems with that file here.</translation>
    </message>
    <message>
        <source>⚠ 読めなかった</source>
        <translation>⚠ Could not be read</translation>
    </message>
    <message>
        <source>⚠ 問題あり（合計外）</source>
        <translation>⚠ Problems (not in totals)</translation>
    </message>
    <message>
        <source>読めた（注意あり）</source>
        <translation>Read (with notes)</translation>
    </message>
    <message>
        <source>{0}年度</source>
        <translation>Fiscal year {0}</translation>
    </message>
    <message>
        <source>{title}: まだ記録がありません</source>
        <extracomment>the activity&apos;s headline numbers shown above the charts (the home page&apos;s cards show the register&apos;s) characters of the label size a chart wants across (two abreast only if both get it), and needs</extracomment>
        <translation>{title}: no records yet</translation>
    </message>
    <message>
        <source>はい</source>
        <extracomment>Set by ``--smoke-test``: messages go to stderr instead of waiting for a click.</extracomment>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>自宅</source>
        <extracomment>the keys of the check screen (the model&apos;s KEYS: one per status) the values are stored as they are (marked so that their display can be translated)</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <source>避難所</source>
        <translation>Shelter</translation>
    </message>
    <message>
        <source>親族宅</source>
        <translation>Relative&apos;s home</translation>
    </message>
    <message>
        <source>無事</source>
        <extracomment>the cell of each result: background (None: the table&apos;s own) and text colour — always with the mark and the word as well, never colour alone</extracomment>
        <translation>Safe</translation>
    </message>
    <message>
        <source>軽症</source>
        <translation>Minor injury</translation>
    </message>
    <message>
        <source>重症</source>
        <translation>Serious injury</translation>
    </message>
    <message>
        <source>不明</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>●（避難に手助けが必要な人の印）は、訓練では要支援者名簿への掲載に同意した人だけに付きます。</source>
        <translation>In drills, ● (the mark for people who need help to evacuate) is shown only for people who agreed to be listed in the register of people who need help to evacuate.</translation>
    </message>
    <message>
        <source>災害では法律（災害対策基本法 第49条の11）により、手助けが必要な人の全員に●が付きます（訓練では同意した人だけ）。</source>
        <translation>In a disaster, the law (Disaster Countermeasures Basic Act, Article 49-11) means everyone who needs help gets a ● (in drills, only those who agreed).</translation>
    </message>
    <message>
        <source>↑↓で人を選び、1〜4のキーで安否を入れてください（次の人へ進みます）。</source>
        <translation>Choose a person with ↑↓ and enter their status with keys 1–4 (it moves on to the next person).</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>未確認</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>{0}分</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0}時間{1:02d}分</source>
        <translation>{0} h {1:02d} min</translation>
    </message>
    <message>
        <source>年代</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>安否</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>所在</source>
        <translation>Whereabouts</translation>
    </message>
    <message>
        <source>確認
時刻</source>
        <translation>Time
checked</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>○
無事</source>
        <translation>○
Safe</translation>
    </message>
    <message>
        <source>△
軽症</source>
        <translation>△
Minor injury</translation>
    </message>
    <message>
        <source>×
重症</source>
        <translation>×
Serious injury</translation>
    </message>
    <message>
        <source>?
不明</source>
        <translation>?
Unknown</translation>
    </message>
    <message>
        <source>訓練</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>災害</source>
        <translation>Disaster</translation>
    </message>
    <message>
        <source>会長（{0}）</source>
        <translation>President ({0})</translation>
    </message>
    <message>
        <source>会長</source>
        <translation>President</translation>
    </message>
    <message>
        <source>→ {0}へ折り返し報告</source>
        <translation>→ Report back to {0}</translation>
    </message>
    <message>
        <source>（起点）</source>
        <translation>(start)</translation>
    </message>
    <message>
        <source>（つながっていません）</source>
        <translation>(not connected)</translation>
    </message>
    <message>
        <source>順</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>電話をかける人（世帯主）</source>
        <translation>Caller (head of household)</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>別の電話</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <source>電話をくれる人</source>
        <translation>Called by</translation>
    </message>
    <message>
        <source>次に電話する相手</source>
        <translation>Calls next</translation>
    </message>
    <message>
        <source>（班長・起点）</source>
        <translation>(block leader, start)</translation>
    </message>
    <message>
        <source>連絡網への掲載に同意していない世帯です（名前と電話は出しません）。</source>
        <translation>This household has not agreed to be listed in the phone tree (name and phone are not shown).</translation>
    </message>
    <message>
        <source>この方が最後です。会長へ「全員に伝わった」と折り返し報告します。</source>
        <translation>This is the last person. They report back to the president that everyone has been told.</translation>
    </message>
    <message>
        <source>標準</source>
        <extracomment>the point size at 100 % stored in the settings as they are (Japanese); only their display is translated</extracomment>
        <translation>Standard</translation>
    </message>
    <message>
        <source>高コントラスト</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>保存していない変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>行事の内容に保存していない変更があります。破棄して閉じますか？</source>
        <translation>The event has unsaved changes. Discard them and close?</translation>
    </message>
    <message>
        <source>破棄して閉じる</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <source>編集に戻る</source>
        <translation>Back to editing</translation>
    </message>
    <message>
        <source>月,火,水,木,金,土,日</source>
        <translation>Mon,Tue,Wed,Thu,Fri,Sat,Sun</translation>
    </message>
    <message>
        <source>{date}（{weekday}）</source>
        <translation>{date} ({weekday})</translation>
    </message>
    <message>
        <source>〜{date}（{weekday}）</source>
        <translation>to {date} ({weekday})</translation>
    </message>
    <message>
        <source>{n}円</source>
        <translation>{n} yen</translation>
    </message>
    <message>
        <source>{n}時間</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <source>行事名</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>場所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>主催</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>参加者</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>担い手
運営・講師</source>
        <translation>Volunteers
(running, teaching)</translation>
    </message>
    <message>
        <source>実費</source>
        <translation>Actual cost</translation>
    </message>
    <message>
        <source>例: 9:00</source>
        <translation>e.g. 9:00</translation>
    </message>
    <message>
        <source>開始時刻</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>終了時刻</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>予算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>協力団体</source>
        <translation>Partner organisations</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>成果・反省</source>
        <translation>Results and reflections</translation>
    </message>
    <message>
        <source>（未記録）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>○ 出席</source>
        <translation>○ Present</translation>
    </message>
    <message>
        <source>× 欠席</source>
        <translation>× Absent</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>出欠</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>時間</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>名前やフリガナで探せます。</source>
        <translation>You can search by name or furigana.</translation>
    </message>
    <message>
        <source>班長用シート</source>
        <translation>Sheet for block leaders</translation>
    </message>
    <message>
        <source>年度と会計</source>
        <translation>Fiscal year and accounts</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>引継ぎの書類</source>
        <translation>Hand-over documents</translation>
    </message>
    <message>
        <source>選択</source>
        <translation>Selection</translation>
    </message>
    <message>
        <source>今年度のまま</source>
        <translation>Keep the current fiscal year</translation>
    </message>
    <message>
        <source>&lt;h3&gt;困ったときは&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;まちがえて変えてしまったときは、世帯の画面なら &lt;b&gt;Ctrl+Z&lt;/b&gt; で元に戻せます。それでも戻らないときは「ファイル」→「バックアップから復元…」。台帳は開くたび・閉じるたびに自動で保存されています。&lt;/li&gt;&lt;li&gt;文字が小さいときは「設定」→「表示」で大きくできます（200%まで）。&lt;/li&gt;&lt;li&gt;席を離れるときは &lt;b&gt;Ctrl+L&lt;/b&gt; で画面をロックしてください。名簿は個人情報です。&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;If you get stuck&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;If you changed something by mistake, on the household screen you can undo it with &lt;b&gt;Ctrl+Z&lt;/b&gt;. If that does not help, use &quot;File&quot; → &quot;Restore from backup…&quot;. The register is saved automatically each time you open and close it.&lt;/li&gt;&lt;li&gt;If the text is too small, you can make it larger in &quot;Settings&quot; → &quot;Display&quot; (up to 200%).&lt;/li&gt;&lt;li&gt;When you leave your seat, please lock the screen with &lt;b&gt;Ctrl+L&lt;/b&gt;. The member list is personal information.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>ホーム</source>
        <extracomment>page key (main_window.NAV) → (title, body as simple HTML)
----------
(key, label): the labels stay Japanese here (tests and help.PAGES compare them); shown through tr()</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <source>&lt;p&gt;町会の今の様子をひと目で見る画面です。世帯数・会員数・65歳以上・75歳以上の人数、班ごとの数、最近の変更が出ます。&lt;/p&gt;&lt;p&gt;下の「活動の見える化」では、年度を選ぶと、年齢の分布、加入率の移り変わり、行事への参加などのグラフが出ます。同じ内容を「活動のまとめ」として1枚に印刷し、総会や回覧に使えます（名前は出ません）。&lt;/p&gt;&lt;p&gt;災害のときは右上の大きな &lt;b&gt;「安否確認」&lt;/b&gt; ボタンから、すぐに安否確認の画面へ移れます。&lt;/p&gt;</source>
        <translation>&lt;p&gt;This screen shows the current state of the association at a glance: the number of households, members, people aged 65+ and 75+, the numbers for each block, and recent changes.&lt;/p&gt;&lt;p&gt;In &quot;Activity overview&quot; below, choose a fiscal year to see charts of the age distribution, the change in membership rate, event attendance and more. You can print the same content on one page as an &quot;Activity summary&quot; for the general meeting or the circular (no names are shown).&lt;/p&gt;&lt;p&gt;In a disaster, the large &lt;b&gt;&quot;Safety check&quot;&lt;/b&gt; button at the top right takes you straight to the safety check screen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>名簿</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>&lt;p&gt;世帯と会員の名簿です。上の欄に名前かフリガナを入れると、入れたそばから絞り込まれます（ひらがな・カタカナ、髙と高のような字の違いは気にしなくてかまいません）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;世帯を開くには、行をダブルクリックするか、選んで Enter キー。&lt;/li&gt;&lt;li&gt;新しい世帯は「世帯を追加」。転出・死亡は世帯の画面で日付とともに記録します（消しません）。&lt;/li&gt;&lt;li&gt;回覧の順番は「回覧順を上へ／下へ」で変えられます。&lt;/li&gt;&lt;li&gt;班長さんには、自分の班だけが見えます。&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;The list of households and members. Type a name or furigana in the box at the top and the list narrows as you type (hiragana vs. katakana and character variants such as 髙 and 高 do not matter).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;To open a household, double-click its row, or select it and press Enter.&lt;/li&gt;&lt;li&gt;For a new household, use &quot;Add household&quot;. Moving out and deaths are recorded with a date on the household screen (nothing is deleted).&lt;/li&gt;&lt;li&gt;You can change the circulation order with &quot;Move up/down in circulation order&quot;.&lt;/li&gt;&lt;li&gt;Block leaders see only their own block.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>行事</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>&lt;p&gt;行事・担い手・協力団体・地域課題を記録する画面です。上のタブで切り替えます。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;行事&lt;/b&gt;: 年度ごとの行事。参加者は名簿から選びます。個人ごとの記録に同意していない人は、年代ごとの人数だけが残ります。受付名簿と出欠表を班ごとに印刷できます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;担い手&lt;/b&gt;: 手伝える人の得意なこと・都合のよい曜日。「誰に頼めそう？」で候補が出ます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;協力団体&lt;/b&gt;: 公民館・社協・学校・NPO・商店など。&lt;/li&gt;&lt;li&gt;&lt;b&gt;地域課題&lt;/b&gt;: 困りごとの記録と、市への要望とその回答。&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;This screen records events, volunteers, partner organisations and local issues. Switch between them with the tabs at the top.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Events&lt;/b&gt;: events for each fiscal year. Choose participants from the member list. For people who have not agreed to individual records, only the number per age group is kept. You can print the reception list and attendance sheets by block.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Volunteers&lt;/b&gt;: what helpers are good at and which days suit them. &quot;Who could we ask?&quot; suggests candidates.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Partner organisations&lt;/b&gt;: community centres, the social welfare council, schools, NPOs, shops and so on.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Local issues&lt;/b&gt;: records of problems, and requests to the city and its replies.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>当番表</source>
        <extracomment>the documents of a 当番表 (after the others in the chooser: they need a roster with its turns given out)</extracomment>
        <translation>Duty roster</translation>
    </message>
    <message>
        <source>&lt;p&gt;ごみステーション・防犯パトロール・清掃などの当番を、公平に順番で決める画面です。前回の続きから決めるので、年や月が変わっても順番は飛びません。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;「○月○日まで決める」（たとえば「3月31日まで決める」）で、その日までの当番を決めます。決めた当番は後から書き換わりません。&lt;/li&gt;&lt;li&gt;都合が悪い人の代わりを立てると、次はその人が代わりを返します（「交代の返し」）。&lt;/li&gt;&lt;li&gt;名簿が変わると「決め直す」の印が付きます。&lt;/li&gt;&lt;li&gt;当番表（A4）と当番札を印刷できます。&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;This screen assigns duties such as the rubbish station, crime-prevention patrols and cleaning fairly, in turn. It continues from where it last stopped, so the order does not skip even when the year or month changes.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&quot;Assign until month/day&quot; (for example &quot;Assign until 3/31&quot;) assigns duties up to that day. Assigned duties are not changed later.&lt;/li&gt;&lt;li&gt;If someone cannot make it and another person stands in, next time that person returns the favour (&quot;return a swap&quot;).&lt;/li&gt;&lt;li&gt;When the member list changes, a &quot;reassign&quot; mark appears.&lt;/li&gt;&lt;li&gt;You can print the duty roster (A4) and duty cards.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>防災・連絡網</source>
        <translation>Disaster prep &amp; phone tree</translation>
    </message>
    <message>
        <source>&lt;p&gt;災害への備えの画面です。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;安否確認&lt;/b&gt;: 始めると、班ごとに全員の一覧が出ます。「無事」「けが」「不明」などをキー1つで記録できます。訓練でも使えます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;連絡網&lt;/b&gt;: 名簿から自動で作られます。班長→回覧順に次の世帯へ、最後の世帯は会長へ報告します。&lt;/li&gt;&lt;li&gt;&lt;b&gt;要支援者&lt;/b&gt;: 避難に手助けが要る人の名簿です。見られる人は限られ、見たことは記録されます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;資機材&lt;/b&gt;: 防災倉庫の中身と点検日。&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;This screen is for disaster preparedness.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Safety check&lt;/b&gt;: once started, it lists everyone by block. You can record &quot;safe&quot;, &quot;injured&quot;, &quot;unknown&quot; and so on with a single key. You can also use it for drills.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Phone tree&lt;/b&gt;: made automatically from the member list. The block leader calls the next household in circulation order, and the last household reports to the president.&lt;/li&gt;&lt;li&gt;&lt;b&gt;People who need help to evacuate&lt;/b&gt;: the list of people who need help to evacuate. Only certain people can see it, and every view is recorded.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Equipment&lt;/b&gt;: the contents of the disaster storehouse and inspection dates.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>回覧</source>
        <translation>Circulars</translation>
    </message>
    <message>
        <source>&lt;p&gt;回覧板の表紙と押印欄を作る画面です。班ごとに、回覧順で世帯の名前が並びます。&lt;/p&gt;&lt;p&gt;印刷の前に、画面で仕上がりを確かめられます（印刷プレビュー）。名簿を印刷するときは、表紙に取扱いの注意が付きます。配り終えた名簿は回収するか、細かく裁断してください。&lt;/p&gt;</source>
        <translation>&lt;p&gt;This screen makes the cover sheet and stamp boxes for circulars. For each block, household names are listed in circulation order.&lt;/p&gt;&lt;p&gt;Before printing, you can check the result on screen (print preview). When you print a member list, a handling notice is added to the cover. Please collect member lists after they have been passed round, or shred them.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>会計・報告</source>
        <translation>Accounts &amp; reports</translation>
    </message>
    <message>
        <source>&lt;p&gt;会費・金銭出納簿・予算と決算・年次報告の画面です。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;会費&lt;/b&gt;: 年度の会費を世帯に割り当て、入金を記録します。班でまとめての入金もできます。会費集金簿（班長さん用）と領収書を印刷できます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;出納簿&lt;/b&gt;: お金の出入りを1件ずつ記帳します。まちがえたときは消さずに「取り消し」の記帳をします。&lt;/li&gt;&lt;li&gt;&lt;b&gt;予算・決算&lt;/b&gt;: 科目ごとの予算と決算、収支予算書・収支決算書・会計監査報告書の印刷。年度を締めると、その年度は変えられなくなり、残りのお金が次の年度へ繰り越されます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;年次報告&lt;/b&gt;: 市や校下に出す報告を Excel と PDF で作ります。市の様式の Excel があれば、一度だけ「どの項目をどのセルに」を対応づけると、翌年からは自動で埋まります。&lt;/li&gt;&lt;li&gt;&lt;b&gt;補助金&lt;/b&gt;: 申請ごとに、補助額の計算・手続きの段階・期限・添付書類・入金を記録し、実績報告書を作ります。&lt;/li&gt;&lt;li&gt;&lt;b&gt;設定&lt;/b&gt;: 会費の種類と額、科目、口座、校下の負担金の率。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;新しい年度に役員・班長が替わるときは「ファイル」→「年度替わり・引継ぎ…」を使います。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Screens for dues, the cash book, budgets and settlements, and the yearly report.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Dues&lt;/b&gt;: assign the year&apos;s dues to households and record payments. Payments can also be recorded together for a block. You can print the dues collection book (for block leaders) and receipts.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cash book&lt;/b&gt;: enter money in and out one item at a time. If you make a mistake, do not delete it; make a &quot;cancel&quot; entry instead.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Budget &amp; settlement&lt;/b&gt;: budget and actual figures by account item, and printing of the budget, the settlement report and the audit report. When you close a fiscal year, it can no longer be changed and the remaining money is carried forward to the next year.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Yearly report&lt;/b&gt;: makes the report for the city and district in Excel and PDF. If you have the city&apos;s Excel form, match &quot;which item goes in which cell&quot; once, and from the next year it is filled in automatically.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Subsidies&lt;/b&gt;: for each application, record the subsidy calculation, the stage of the procedure, deadlines, attached documents and payments, and make the completion report.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Settings&lt;/b&gt;: dues types and amounts, account items, accounts, and district levy rates.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;When officers and block leaders change in a new fiscal year, use &quot;File&quot; → &quot;Year change &amp; hand-over…&quot;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&lt;p&gt;自分のアカウント（パスワード・PIN）、表示（文字の大きさ・配色）、役員のアカウント、操作の記録、記録の整理の画面です。見える項目は役割によって違います。&lt;/p&gt;&lt;p&gt;パスワードを全員が忘れたときは、最初に印刷した「復旧シート」の復旧コードで開けます。復旧シートは金庫など、名簿とは別の場所に保管してください。&lt;/p&gt;</source>
        <translation>&lt;p&gt;This screen covers your own account (password, PIN), display (text size, colours), officers&apos; accounts, the activity log and tidying up records. What you see depends on your role.&lt;/p&gt;&lt;p&gt;If everyone has forgotten their password, you can open the register with the recovery code on the &quot;recovery sheet&quot; printed at the start. Please keep the recovery sheet somewhere separate from the member list, such as a safe.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>協働デスクへようこそ</source>
        <extracomment>the guided tour for the first start: (title, text)</extracomment>
        <translation>Welcome to Kyodo Desktop</translation>
    </message>
    <message>
        <source>この案内は5ページです。「次へ」で進みます。あとから「ヘルプ」→「使い方の案内」でいつでも見られます。</source>
        <translation>This guide has 5 pages. Press &quot;Next&quot; to go on. You can view it again at any time from &quot;Help&quot; → &quot;Getting started guide&quot;.</translation>
    </message>
    <message>
        <source>左の一覧で画面を切り替えます</source>
        <translation>Switch screens with the list on the left</translation>
    </message>
    <message>
        <source>ホーム・名簿・行事・当番表・防災・連絡網・回覧・会計・報告・設定。キーボードでは Ctrl+1〜Ctrl+8 で移れます。</source>
        <translation>Home, Members, Events, Duty roster, Disaster prep &amp; phone tree, Circulars, Accounts &amp; reports, Settings. On the keyboard, use Ctrl+1 to Ctrl+8.</translation>
    </message>
    <message>
        <source>名前で探す</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>名簿の画面の上の欄に、名前かフリガナを1文字入れるだけで絞り込まれます。</source>
        <translation>On the Members screen, type just one character of a name or furigana in the box at the top to narrow the list.</translation>
    </message>
    <message>
        <source>印刷する</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>「ファイル」→「印刷」（Ctrl+P）。印刷の前に画面で仕上がりを確かめられます。</source>
        <translation>&quot;File&quot; → &quot;Print&quot; (Ctrl+P). You can check the result on screen before printing.</translation>
    </message>
    <message>
        <source>困ったら F1</source>
        <translation>Stuck? Press F1</translation>
    </message>
    <message>
        <source>どの画面でも F1 キーを押すと、その画面の説明が出ます。文字が小さいときは「設定」→「表示」。台帳は自動でバックアップされています。</source>
        <translation>Press F1 on any screen to see an explanation of that screen. If the text is too small, go to &quot;Settings&quot; → &quot;Display&quot;. The register is backed up automatically.</translation>
    </message>
    <message>
        <source>保存していない変更があります。破棄しますか？</source>
        <translation>There are unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>緊急連絡先の削除</source>
        <translation>Delete emergency contact</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（氏名が空欄）</source>
        <translation>(name is blank)</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Furigana</translation>
    </message>
    <message>
        <source>続柄</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>生年月日（和暦）</source>
        <translation>Date of birth (Japanese era)</translation>
    </message>
    <message>
        <source>年齢</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>転出</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>別居</source>
        <translation>Lives elsewhere</translation>
    </message>
    <message>
        <source>順位</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>続柄・関係</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>だれの連絡先</source>
        <translation>Contact for</translation>
    </message>
    <message>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <source>変更なし</source>
        <translation>No change</translation>
    </message>
    <message>
        <source>要確認</source>
        <translation>Needs checking</translation>
    </message>
    <message>
        <source>エラー</source>
        <extracomment>attempt(credentials) → None when it worked, else the message to show
----------
bigger boxes to click (older hands, shaky mice)</extracomment>
        <translation>Error</translation>
    </message>
    <message>
        <source>名簿のファイル (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;すべてのファイル (*)</source>
        <translation>Member list files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>議論と調査</source>
        <extracomment>one line for each マッチ箱 (ha4go) stage, in plain words (the keys are the stages as stored; both are shown through tr())</extracomment>
        <translation>Discussion and research</translation>
    </message>
    <message>
        <source>困りごとについて話し合い、現地や原因を調べている段階です。</source>
        <translation>The problem is being discussed, and the site or cause is being looked into.</translation>
    </message>
    <message>
        <source>企画と試作中</source>
        <translation>Planning and trial</translation>
    </message>
    <message>
        <source>解決の方法を考え、試しにやってみている段階です。</source>
        <translation>A solution is being worked out and tried.</translation>
    </message>
    <message>
        <source>運用中</source>
        <translation>In operation</translation>
    </message>
    <message>
        <source>取り組みが決まり、続けて行っている段階です。</source>
        <translation>An approach has been decided and is being carried out.</translation>
    </message>
    <message>
        <source>休止・終了</source>
        <translation>Paused/ended</translation>
    </message>
    <message>
        <source>解決した、または取り組みを休んでいる段階です（一覧では「終わった課題」になります）。</source>
        <translation>The problem has been solved, or work on it is paused (shown as &quot;finished issues&quot; in the list).</translation>
    </message>
    <message>
        <source>課題</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>分野</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>班/場所</source>
        <translation>Block/place</translation>
    </message>
    <message>
        <source>発見日</source>
        <translation>Date found</translation>
    </message>
    <message>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>次にすること</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>市への要望</source>
        <translation>Requests to the city</translation>
    </message>
    <message>
        <source>{n}件（未回答 {unanswered}）</source>
        <translation>{n} ({unanswered} unanswered)</translation>
    </message>
    <message>
        <source>{n}件（回答済み）</source>
        <translation>{n} (answered)</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>住んでいる世帯（加入・非加入）</source>
        <extracomment>the 状態 filter: its label (shown through tr()) → the register statuses it shows</extracomment>
        <translation>Households living here (members and non-members)</translation>
    </message>
    <message>
        <source>加入世帯のみ</source>
        <translation>Member households only</translation>
    </message>
    <message>
        <source>非加入の世帯</source>
        <translation>Non-member households</translation>
    </message>
    <message>
        <source>転出・退会・死亡</source>
        <translation>Moved out, left or deceased</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <source>地域課題</source>
        <translation>Local issues</translation>
    </message>
    <message>
        <source>協定</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>最近の行事</source>
        <translation>Recent events</translation>
    </message>
    <message>
        <source>休止</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>{n}件</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>休止（{date}）</source>
        <translation>Paused ({date})</translation>
    </message>
    <message>
        <source>回覧板（表紙と押印欄）</source>
        <translation>Circular (cover sheet and stamp boxes)</translation>
    </message>
    <message>
        <source>宛名ラベル</source>
        <translation>Address labels</translation>
    </message>
    <message>
        <source>敬老会の名簿</source>
        <translation>List for the seniors&apos; celebration (keirōkai)</translation>
    </message>
    <message>
        <source>記載内容の確認用紙</source>
        <translation>Details check form</translation>
    </message>
    <message>
        <source>はがきの宛名（縦書き）</source>
        <translation>Postcard addresses (vertical)</translation>
    </message>
    <message>
        <source>活動のまとめ（1枚）</source>
        <translation>Activity summary (one page)</translation>
    </message>
    <message>
        <source>行事の受付名簿</source>
        <translation>Event reception list</translation>
    </message>
    <message>
        <source>行事の出欠表（班ごと）</source>
        <translation>Event attendance sheet (by block)</translation>
    </message>
    <message>
        <source>当番札</source>
        <translation>Duty cards</translation>
    </message>
    <message>
        <source>これから3か月</source>
        <extracomment>the period of a 当番表 or 当番札</extracomment>
        <translation>Next 3 months</translation>
    </message>
    <message>
        <source>今年度</source>
        <translation>This fiscal year</translation>
    </message>
    <message>
        <source>指定…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <source>会費集金簿（班ごと）</source>
        <extracomment>the documents of the books (会計・報告), of one 年度</extracomment>
        <translation>Dues collection book (by block)</translation>
    </message>
    <message>
        <source>収支決算書・会計監査報告書</source>
        <translation>Settlement report and audit report</translation>
    </message>
    <message>
        <source>収支予算書</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>会費の領収書</source>
        <translation>Dues receipts</translation>
    </message>
    <message>
        <source>緊急連絡網（班ごと）</source>
        <extracomment>the 防災 documents printed in advance (the 班 choice above is their only option)</extracomment>
        <translation>Emergency phone tree (by block)</translation>
    </message>
    <message>
        <source>安否確認シート（記入用・班ごと）</source>
        <translation>Safety check sheet (to fill in, by block)</translation>
    </message>
    <message>
        <source>安否確認の集計表（記入用）</source>
        <translation>Safety check tally sheet (to fill in)</translation>
    </message>
    <message>
        <source>防災台帳（資機材・避難場所・組織）</source>
        <translation>Disaster register (equipment, evacuation sites, organisation)</translation>
    </message>
    <message>
        <source>印刷しています…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>（使わない）</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source>見つかった</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>見つからない</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>（このシートは様式にありません）</source>
        <translation>(this sheet is not in the form)</translation>
    </message>
    <message>
        <source>（空欄）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <source>数式 {text}</source>
        <translation>Formula {text}</translation>
    </message>
    <message>
        <source>標準様式（協働デスク）</source>
        <translation>Standard form (Kyodo Desktop)</translation>
    </message>
    <message>
        <source>報告書を作る（Excel と PDF）</source>
        <translation>Make the report (Excel and PDF)</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>件</source>
        <translation>items</translation>
    </message>
    <message>
        <source>—（記録なし）</source>
        <translation>— (no records)</translation>
    </message>
    <message>
        <source>（ファイルなし）</source>
        <translation>(no file)</translation>
    </message>
    <message>
        <source>項目 {fields}・表 {tables}</source>
        <translation>{fields} fields, {tables} tables</translation>
    </message>
    <message>
        <source>これから</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>第1</source>
        <translation>1st</translation>
    </message>
    <message>
        <source>第2</source>
        <translation>2nd</translation>
    </message>
    <message>
        <source>第3</source>
        <translation>3rd</translation>
    </message>
    <message>
        <source>第4</source>
        <translation>4th</translation>
    </message>
    <message>
        <source>最終</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>金沢市は祝日もごみを収集します（年末年始を除く）。ごみステーションの当番では、ふつうは印を付けません。防犯パトロールなど、祝日を休む当番で印を付けてください。</source>
        <translation>Kanazawa City collects rubbish on public holidays too (except over New Year). For rubbish station duty you normally do not need to tick this. Tick it for duties that take holidays off, such as crime-prevention patrols.</translation>
    </message>
    <message>
        <source>{month}月{day}日（{weekday}）</source>
        <translation>{month}/{day} ({weekday})</translation>
    </message>
    <message>
        <source>{month}月{day}日</source>
        <translation>{month}/{day}</translation>
    </message>
    <message>
        <source>{day}日</source>
        <translation>Day {day}</translation>
    </message>
    <message>
        <source>{first}〜{last}（{weekday}）</source>
        <translation>{first} to {last} ({weekday})</translation>
    </message>
    <message>
        <source>毎週（{days}）</source>
        <translation>Every week ({days})</translation>
    </message>
    <message>
        <source>毎週{days}曜</source>
        <translation>Every {days}</translation>
    </message>
    <message>
        <source>毎月</source>
        <translation>Every month</translation>
    </message>
    <message>
        <source>決めた日（{n}日）</source>
        <translation>Set day (day {n})</translation>
    </message>
    <message>
        <source>行事のたび（{category}）</source>
        <translation>At each event ({category})</translation>
    </message>
    <message>
        <source>保存できなかった理由</source>
        <translation>Why it could not be saved</translation>
    </message>
    <message>
        <source>⚠ 保存できませんでした（何も変わっていません）。
{problem}</source>
        <translation>⚠ Could not be saved (nothing has changed).
{problem}</translation>
    </message>
    <message>
        <source>当番の内容</source>
        <translation>Duty details</translation>
    </message>
    <message>
        <source>間隔</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Covers</translation>
    </message>
    <message>
        <source>次の当番（日付・世帯）</source>
        <translation>Next duty (date, household)</translation>
    </message>
    <message>
        <source>どこまで決めたか</source>
        <translation>Assigned up to</translation>
    </message>
    <message>
        <source>✓ 済</source>
        <translation>✓ Done</translation>
    </message>
    <message>
        <source>× 欠</source>
        <translation>× Missed</translation>
    </message>
    <message>
        <source>予定</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>当番中</source>
        <translation>On duty</translation>
    </message>
    <message>
        <source>未記録</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>日付（曜日）</source>
        <translation>Date (day)</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>交代</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>この当番表の何回目の当番か</source>
        <translation>Which turn this is in this duty roster</translation>
    </message>
    <message>
        <source>担当の代わりに当番をする人</source>
        <translation>Person who does the duty instead of the assigned one</translation>
    </message>
    <message>
        <source>済・欠は、当番が始まってから記録できます</source>
        <translation>Done/missed can be recorded once the duty has started</translation>
    </message>
    <message>
        <source>担当回数</source>
        <translation>Turns assigned</translation>
    </message>
    <message>
        <source>した回数</source>
        <translation>Turns done</translation>
    </message>
    <message>
        <source>欠</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>代わりにした</source>
        <translation>Stood in</translation>
    </message>
    <message>
        <source>返す番</source>
        <translation>Owes a turn</translation>
    </message>
    <message>
        <source>今</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>この世帯に割り当てた当番の数</source>
        <translation>Number of duties assigned to this household</translation>
    </message>
    <message>
        <source>本人の番と代わりにした番のうち、欠でないもの（これからの予定も数えます）</source>
        <translation>Own turns and turns done for others, excluding missed ones (upcoming turns also count)</translation>
    </message>
    <message>
        <source>ほかの世帯の代わりにした回数</source>
        <translation>Number of times this household stood in for another</translation>
    </message>
    <message>
        <source>代わってもらって、まだ返していない回数</source>
        <translation>Number of times someone stood in and the favour has not been returned yet</translation>
    </message>
    <message>
        <source>今日、当番の対象かどうか</source>
        <translation>Whether they are included in the duty today</translation>
    </message>
    <message>
        <source>自動: {why}</source>
        <translation>Automatic: {why}</translation>
    </message>
    <message>
        <source>{name}さんの番を代わりに</source>
        <translation>Standing in for {name}</translation>
    </message>
    <message>
        <source>本人の番（{name}さんがした）</source>
        <translation>Own turn (done by {name})</translation>
    </message>
    <message>
        <source>本人の番</source>
        <translation>Own turn</translation>
    </message>
    <message>
        <source>当番</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>{date}まで</source>
        <translation>Until {date}</translation>
    </message>
    <message>
        <source>終わりは決めていない</source>
        <translation>No end date set</translation>
    </message>
    <message>
        <source>（{until}）</source>
        <translation>({until})</translation>
    </message>
    <message>
        <source>（世帯主未登録）</source>
        <translation>(head of household not registered)</translation>
    </message>
    <message>
        <source>進めた</source>
        <extracomment>a deadline this close is told as 「あと n日」 in the list (and marked ⚠)</extracomment>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>とばして進めた</source>
        <translation>Advanced, skipping</translation>
    </message>
    <message>
        <source>訂正（戻した）</source>
        <translation>Corrected (moved back)</translation>
    </message>
    <message>
        <source>⚠ 期限切れ（{n}日過ぎ）</source>
        <translation>⚠ Overdue ({n} days)</translation>
    </message>
    <message>
        <source>⚠ 今日まで</source>
        <translation>⚠ Due today</translation>
    </message>
    <message>
        <source>⚠ あと{n}日</source>
        <translation>⚠ {n} days left</translation>
    </message>
    <message>
        <source>あと{n}日</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>{step} {due}・{state}</source>
        <translation>{step} {due}, {state}</translation>
    </message>
    <message>
        <source>経費がまだ入っていないため、補助額を計算できません。</source>
        <translation>The subsidy cannot be calculated because the costs have not been entered yet.</translation>
    </message>
    <message>
        <source>決まり: {rule}</source>
        <translation>Rule: {rule}</translation>
    </message>
    <message>
        <source>窓口: {funder}</source>
        <translation>Contact office: {funder}</translation>
    </message>
    <message>
        <source>段階: {steps}</source>
        <translation>Stages: {steps}</translation>
    </message>
    <message>
        <source>申請は作業日から{n}日以内</source>
        <translation>Apply within {n} days of the work date</translation>
    </message>
    <message>
        <source>実績報告は完了から{n}日以内</source>
        <translation>Completion report within {n} days of completion</translation>
    </message>
    <message>
        <source>実績報告は年度末まで</source>
        <translation>Completion report by the end of the fiscal year</translation>
    </message>
    <message>
        <source>期限: {limits}</source>
        <translation>Deadlines: {limits}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>数量の目安: 会員{n}世帯に1{unit}</source>
        <translation>Guideline quantity: 1 {unit} per {n} member households</translation>
    </message>
    <message>
        <source>添付書類: {items}</source>
        <translation>Attached documents: {items}</translation>
    </message>
    <message>
        <source>同じ補助は{n}年間受けられません</source>
        <translation>The same subsidy cannot be received again for {n} years</translation>
    </message>
    <message>
        <source>備考: {notes}</source>
        <translation>Notes: {notes}</translation>
    </message>
    <message>
        <source>制度</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>次の期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>予定経費</source>
        <translation>Planned costs</translation>
    </message>
    <message>
        <source>補助額</source>
        <translation>Subsidy amount</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>理由・メモ</source>
        <translation>Reason/memo</translation>
    </message>
    <message>
        <source>記録した人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>（{steps}）</source>
        <translation>({steps})</translation>
    </message>
    <message>
        <source>要支援者（取扱注意）</source>
        <translation>People who need help to evacuate (handle with care)</translation>
    </message>
    <message>
        <source>取扱注意・要配慮個人情報。見た記録が残ります。</source>
        <translation>Handle with care: sensitive personal information. Viewing is recorded.</translation>
    </message>
    <message>
        <source>名簿の中身は、権限のある役員だけが見られます</source>
        <translation>Only authorised officers can see the contents of this list</translation>
    </message>
    <message>
        <source>同意者名簿</source>
        <translation>Consent list</translation>
    </message>
    <message>
        <source>基礎名簿のみ（不同意）</source>
        <translation>Basic list only (did not consent)</translation>
    </message>
    <message>
        <source>基礎名簿のみ（未確認）</source>
        <translation>Basic list only (not confirmed)</translation>
    </message>
    <message>
        <source>⚠ 名簿にいない人</source>
        <translation>⚠ Not in the member list</translation>
    </message>
    <message>
        <source>⚠ 名簿では{0}</source>
        <translation>⚠ {0} in the member list</translation>
    </message>
    <message>
        <source>結び付け済み</source>
        <translation>Linked</translation>
    </message>
    <message>
        <source>⚠ 未定</source>
        <translation>⚠ Not decided</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>地域支援者</source>
        <translation>Local supporter</translation>
    </message>
    <message>
        <source>避難先</source>
        <translation>Evacuate to</translation>
    </message>
    <message>
        <source>名簿の人と結び付け</source>
        <translation>Link to a person in the member list</translation>
    </message>
    <message>
        <source>（名簿外）</source>
        <translation>(not in member list)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>市の名簿: まだ取り込んでいません</source>
        <translation>City list: not imported yet</translation>
    </message>
    <message>
        <source>（協定: {0}）</source>
        <translation>(agreement: {0})</translation>
    </message>
    <message>
        <source>市の名簿: {0}受領・{1}人{2}</source>
        <translation>City list: received {0}, {1} people{2}</translation>
    </message>
    <message>
        <source>回覧順</source>
        <translation>Circulation order</translation>
    </message>
    <message>
        <source>世帯主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>{n}回</source>
        <translation>{n} times</translation>
    </message>
    <message>
        <source>{mark}{n}回（上限{max}）</source>
        <translation>{mark}{n} times (limit {max})</translation>
    </message>
    <message>
        <source>特技・資格</source>
        <translation>Skills and qualifications</translation>
    </message>
    <message>
        <source>関心</source>
        <translation>Interests</translation>
    </message>
    <message>
        <source>都合のよい時間</source>
        <translation>Convenient times</translation>
    </message>
    <message>
        <source>今月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>直近90日</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>有効期限</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>担い手の一覧</source>
        <translation>Volunteer list</translation>
    </message>
    <message>
        <source>誰に頼めそう？</source>
        <translation>Who could we ask?</translation>
    </message>
    <message>
        <source>役職の履歴</source>
        <translation>Post history</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>現在の担当</source>
        <translation>Current holder</translation>
    </message>
    <message>
        <source>連続年数</source>
        <translation>Years in a row</translation>
    </message>
    <message>
        <source>10年間の担当者数</source>
        <translation>Holders in 10 years</translation>
    </message>
    <message>
        <source>引継ぎ</source>
        <translation>Hand-over</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>⚠ {n}年続いています。後任を探し、引継ぎの準備を</source>
        <translation>⚠ Held for {n} years in a row. Look for a successor and prepare the hand-over</translation>
    </message>
    <message>
        <source>10年間、ほかの人が担当していません</source>
        <translation>No one else has held this post in 10 years</translation>
    </message>
    <message>
        <source>{0}（{1}年）</source>
        <extracomment>Text colour for problems; always paired with a ⚠ and words, never colour alone.</extracomment>
        <translation>{0} ({1} years)</translation>
    </message>
    <message>
        <source>・{0}歳</source>
        <translation>, age {0}</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>名簿の人</source>
        <translation>Person in register</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最終ログイン</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>暗証番号</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>追加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>無効にする</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>有効に戻す…</source>
        <translation>Enable again…</translation>
    </message>
    <message>
        <source>パスワードを再設定…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>役割を変える…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>名簿の人と結び付ける…</source>
        <translation>Link to a person in the register…</translation>
    </message>
    <message>
        <source>復旧シートを作り直す…</source>
        <translation>Create a new recovery sheet…</translation>
    </message>
    <message>
        <source>操作がないとき、画面をロックするまで</source>
        <translation>Lock the screen after no activity for</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> min</translation>
    </message>
    <message>
        <source>自動ロックまでの時間</source>
        <translation>Time until automatic lock</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>無効</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>有効</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>アカウントを選んでください。</source>
        <translation>Please select an account.</translation>
    </message>
    <message>
        <source>「{0}」を追加しました。</source>
        <translation>“{0}” has been added.</translation>
    </message>
    <message>
        <source>アカウント</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>「{0}」を無効にします。このアカウントのパスワードと暗証番号では、台帳を開けなくなります。</source>
        <translation>Disable “{0}”? The password and PIN of this account will no longer open the register.</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>無効にしました。</source>
        <translation>Disabled.</translation>
    </message>
    <message>
        <source>新しいパスワード</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>新しいパスワード（確認）</source>
        <translation>New password (again)</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>確認のパスワードが一致しません。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>有効に戻す</source>
        <translation>Enable again</translation>
    </message>
    <message>
        <source>有効にしました。</source>
        <translation>Enabled.</translation>
    </message>
    <message>
        <source>パスワードの再設定</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>パスワードを再設定しました。本人に伝えてください。</source>
        <translation>The password has been reset. Please tell the account holder.</translation>
    </message>
    <message>
        <source>役割を変える</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>班（班長のみ）</source>
        <translation>Block (block leaders only)</translation>
    </message>
    <message>
        <source>役割を変えました（次のログインから有効）。</source>
        <translation>The role has been changed (takes effect from the next login).</translation>
    </message>
    <message>
        <source>名簿の人と結びつけました。</source>
        <translation>Linked to the person in the register.</translation>
    </message>
    <message>
        <source>復旧シート</source>
        <translation>Recovery sheet</translation>
    </message>
    <message>
        <source>新しい復旧シートを作ります。いま保管している復旧シートのコードは使えなくなります。</source>
        <translation>Create a new recovery sheet? The code on the recovery sheet you keep now will no longer work.</translation>
    </message>
    <message>
        <source>作り直す</source>
        <translation>Create new</translation>
    </message>
    <message>
        <source>保存しました（次にロックするときから）。</source>
        <translation>Saved (takes effect from the next lock).</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>行事・地域の活動</source>
        <translation>Events and local activities</translation>
    </message>
    <message>
        <source>行事・地域の活動の切り替え</source>
        <translation>Switch between events and local activities</translation>
    </message>
    <message>
        <source>行事</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>担い手</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>協力団体</source>
        <translation>Partner organisations</translation>
    </message>
    <message>
        <source>地域課題</source>
        <translation>Local issues</translation>
    </message>
</context>
<context>
    <name>AddressChoiceDialog</name>
    <message>
        <source>住所を選ぶ</source>
        <translation>Choose address</translation>
    </message>
    <message>
        <source>この郵便番号には住所がいくつかあります。選んでください。</source>
        <translation>There are several addresses for this postcode. Please choose one.</translation>
    </message>
    <message>
        <source>住所の候補</source>
        <translation>Possible addresses</translation>
    </message>
    <message>
        <source>&#x3000;（{note}）</source>
        <translation>  ({note})</translation>
    </message>
    <message>
        <source>これにする</source>
        <translation>Use this</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>設定とアカウント</source>
        <translation>Settings and accounts</translation>
    </message>
    <message>
        <source>自分のアカウント</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>表示（文字の大きさ・配色）</source>
        <translation>Display (text size, colours)</translation>
    </message>
    <message>
        <source>役員アカウント</source>
        <translation>Officer accounts</translation>
    </message>
    <message>
        <source>操作の記録（管理台帳）</source>
        <translation>Activity log (audit log)</translation>
    </message>
    <message>
        <source>記録の整理</source>
        <translation>Tidy up records</translation>
    </message>
</context>
<context>
    <name>AdvanceDialog</name>
    <message>
        <source>補助金の手続きを進める</source>
        <translation>Move subsidy application forward</translation>
    </message>
    <message>
        <source>記録する</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>{program}「{title}」&#x3000;今の段階: {status}
段階: {steps}（入金は「入金を記録」で、出納簿と一緒に記録します）</source>
        <translation>{program} “{title}”   Current stage: {status}
Stages: {steps} (payments received are recorded with “Record payment”, together with the cash book)</translation>
    </message>
    <message>
        <source>前の段階に戻す（訂正）</source>
        <translation>Go back to the previous stage (correction)</translation>
    </message>
    <message>
        <source>訂正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>交付決定額（円）</source>
        <translation>Grant amount decided (yen)</translation>
    </message>
    <message>
        <source>交付決定額</source>
        <translation>Grant amount decided</translation>
    </message>
    <message>
        <source>交付決定通知書の金額</source>
        <translation>The amount on the grant decision notice</translation>
    </message>
    <message>
        <source>交付決定番号</source>
        <translation>Grant decision number</translation>
    </message>
    <message>
        <source>例: 金環第123号（なくても可）</source>
        <translation>e.g. 金環第123号 (optional)</translation>
    </message>
    <message>
        <source>理由・メモ</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <source>この段階について</source>
        <translation>About this stage</translation>
    </message>
    <message>
        <source>進められる段階がありません。</source>
        <translation>There is no stage to move forward to.</translation>
    </message>
    <message>
        <source>戻せる段階がありません。</source>
        <translation>There is no stage to go back to.</translation>
    </message>
    <message>
        <source>「{step}」に戻します。理由を「理由・メモ」に書いてください（これまでの記録は残ります）。</source>
        <translation>Going back to “{step}”. Please write the reason in “Reason / note” (earlier records are kept).</translation>
    </message>
    <message>
        <source>⚠ 「{steps}」をとばします。とばす理由を「理由・メモ」に書いてください。</source>
        <translation>⚠ This skips “{steps}”. Please write the reason for skipping in “Reason / note”.</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>交付決定通知書の金額と番号を入れてください。</source>
        <translation>Please enter the amount and number from the grant decision notice.</translation>
    </message>
    <message>
        <source>記録できる段階がありません。</source>
        <translation>There is no stage that can be recorded.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>協定を記録</source>
        <translation>Record agreement</translation>
    </message>
    <message>
        <source>「{0}」との協定</source>
        <translation>Agreement with &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>例: 災害時物資協定（選ぶか入力）</source>
        <translation>e.g. 災害時物資協定 (choose or type)</translation>
    </message>
    <message>
        <source>協定の名前</source>
        <translation>Agreement name</translation>
    </message>
    <message>
        <source>締結日</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>有効期限</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>例: 毎年4月に自動更新。飲料水500本・毛布30枚</source>
        <translation>e.g. 毎年4月に自動更新。飲料水500本・毛布30枚</translation>
    </message>
    <message>
        <source>有効期限（なければ空欄）</source>
        <translation>Expiry date (leave blank if none)</translation>
    </message>
    <message>
        <source>記録する</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>自主防災の組織に入れる</source>
        <translation>Add to the voluntary disaster prevention organisation</translation>
    </message>
    <message>
        <source>{0}の組織に入れる人を、名簿から探して選んでください。</source>
        <translation>Search the member list and choose the person to add to {0}.</translation>
    </message>
    <message>
        <source>組織に入れる人を名簿から探す</source>
        <translation>Search the member list for the person to add</translation>
    </message>
    <message>
        <source>班（役割）</source>
        <translation>Team (role)</translation>
    </message>
    <message>
        <source>役</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>入れる</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>名簿から入れる人を選んでください。</source>
        <translation>Please choose the person to add from the member list.</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>操作した人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作の種類</source>
        <translation>Type of action</translation>
    </message>
    <message>
        <source>から（例: 令和8年4月1日）</source>
        <translation>from (e.g. 令和8年4月1日)</translation>
    </message>
    <message>
        <source>いつから</source>
        <translation>From</translation>
    </message>
    <message>
        <source>まで（例: R8.4.30）</source>
        <translation>to (e.g. R8.4.30)</translation>
    </message>
    <message>
        <source>いつまで</source>
        <translation>To</translation>
    </message>
    <message>
        <source>内容に含む言葉</source>
        <translation>Words in the details</translation>
    </message>
    <message>
        <source>絞り込む</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>CSVに保存…</source>
        <translation>Save as CSV…</translation>
    </message>
    <message>
        <source>すべての人</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <source>管理台帳の保存先</source>
        <translation>Where to save the audit log</translation>
    </message>
    <message>
        <source>管理台帳.csv</source>
        <translation>AuditLog.csv</translation>
    </message>
    <message>
        <source>保存しました: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>BackupChooser</name>
    <message>
        <source>戻したい時点のバックアップを選んでください（新しい順）。</source>
        <translation>Choose the backup from the point you want to go back to (newest first).</translation>
    </message>
    <message>
        <source>「{0}」&#x3000;</source>
        <translation>“{0}”  </translation>
    </message>
    <message>
        <source>このバックアップを選ぶ</source>
        <translation>Choose this backup</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <source>保存する</source>
        <extracomment>the fields by their label (what the officer reads next to them)</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BooksPage</name>
    <message>
        <source>会計・報告</source>
        <translation>Accounts &amp; reports</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>年度を開く…</source>
        <translation>Open a fiscal year…</translation>
    </message>
    <message>
        <source>見るだけの理由</source>
        <translation>Why it is view only</translation>
    </message>
    <message>
        <source>会計・報告の切り替え</source>
        <translation>Switch accounts &amp; reports view</translation>
    </message>
    <message>
        <source>会費</source>
        <translation>Dues</translation>
    </message>
    <message>
        <source>出納簿</source>
        <translation>Cash book</translation>
    </message>
    <message>
        <source>予算・決算</source>
        <translation>Budget &amp; settlement</translation>
    </message>
    <message>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>{label}（{state}）</source>
        <translation>{label} ({state})</translation>
    </message>
    <message>
        <source>まだ帳簿をつける年度がありません。「年度を開く」で始めてください。</source>
        <translation>There is no fiscal year to keep books for yet. Please start with “Open a fiscal year”.</translation>
    </message>
    <message>
        <source>🔒 締め済み（{at} {by}）・見るだけ。次年度繰越金 {carry_over}</source>
        <translation>🔒 Closed ({at}, {by}) · view only. Balance carried forward to next year: {carry_over}</translation>
    </message>
    <message>
        <source>記帳中（{start}〜{end}）</source>
        <translation>Open for entries ({start} – {end})</translation>
    </message>
    <message>
        <source>帳簿をつける年度（今年度・来年度）を開きます</source>
        <translation>Opens a fiscal year (this year or next year) to keep the books for</translation>
    </message>
    <message>
        <source>見るだけ: {reason}</source>
        <translation>View only: {reason}</translation>
    </message>
    <message>
        <source>（今年度）</source>
        <translation>(this fiscal year)</translation>
    </message>
    <message>
        <source>（来年度）</source>
        <translation>(next fiscal year)</translation>
    </message>
    <message>
        <source>（前年度）</source>
        <translation>(previous fiscal year)</translation>
    </message>
    <message>
        <source>今年度・来年度・前年度の帳簿はもう開いてあります。</source>
        <translation>The books for this, next and the previous fiscal year are already open.</translation>
    </message>
    <message>
        <source>台帳が開かれていません。</source>
        <translation>No register is open.</translation>
    </message>
    <message>
        <source>台帳を読み取り専用で開いているため、変更できません。</source>
        <translation>The register is open read-only, so it cannot be changed.</translation>
    </message>
    <message>
        <source>「{name}」さん（{role}）には「{permission}」権限がありません。</source>
        <translation>{name} ({role}) does not have the “{permission}” permission.</translation>
    </message>
    <message>
        <source>先に「年度を開く」で年度を開いてください。</source>
        <translation>Please open a fiscal year first with “Open a fiscal year”.</translation>
    </message>
    <message>
        <source>{year}は締め済みのため、見るだけです（訂正は、記帳中の年度に新しい記帳として入れます）。</source>
        <translation>{year} is closed, so it is view only (enter corrections as new entries in a fiscal year that is open for entries).</translation>
    </message>
    <message>
        <source>使えません: {reason}</source>
        <translation>Not available: {reason}</translation>
    </message>
</context>
<context>
    <name>BousaiTab</name>
    <message>
        <source>防災台帳を印刷…</source>
        <translation>Print disaster-preparedness register…</translation>
    </message>
    <message>
        <source>資機材・班ごとの集合場所と避難所・自主防災組織表を1つのPDFに保存します</source>
        <translation>Save the equipment, each block&apos;s assembly points and evacuation shelters, and the voluntary disaster-prevention organisation chart in one PDF</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>町会の防災資機材です。点検から1年たったもの、点検の記録がないものは ⚠ と色で示します。</source>
        <translation>The association&apos;s disaster-prevention equipment. Items not inspected for a year or more, and items with no inspection record, are marked with ⚠ and a colour.</translation>
    </message>
    <message>
        <source>廃棄したものも表示</source>
        <translation>Show disposed items too</translation>
    </message>
    <message>
        <source>防災資機材台帳</source>
        <translation>Disaster-prevention equipment register</translation>
    </message>
    <message>
        <source>資機材を登録…</source>
        <translation>Add equipment…</translation>
    </message>
    <message>
        <source>開く・変更…</source>
        <translation>Open / edit…</translation>
    </message>
    <message>
        <source>点検した</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <source>選んだ資機材を、今日点検したと記録します</source>
        <translation>Record that the selected equipment was inspected today</translation>
    </message>
    <message>
        <source>廃棄にする…</source>
        <translation>Mark as disposed…</translation>
    </message>
    <message>
        <source>捨てた・返却した資機材を一覧から外します。記録は残ります</source>
        <translation>Remove discarded or returned equipment from the list. The record is kept.</translation>
    </message>
    <message>
        <source>班ごとの集合場所・避難場所です。班を選ばずに登録した場所は町会全体で使います。</source>
        <translation>Assembly points and evacuation sites for each block. Places registered without a block are used by the whole association.</translation>
    </message>
    <message>
        <source>班:</source>
        <translation>Block:</translation>
    </message>
    <message>
        <source>表示する班</source>
        <translation>Block to show</translation>
    </message>
    <message>
        <source>集合場所・避難所</source>
        <translation>Assembly points &amp; shelters</translation>
    </message>
    <message>
        <source>場所を登録…</source>
        <translation>Add place…</translation>
    </message>
    <message>
        <source>削除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>年度:</source>
        <translation>Fiscal year:</translation>
    </message>
    <message>
        <source>組織の年度</source>
        <translation>Fiscal year of the organisation</translation>
    </message>
    <message>
        <source>前年度の組織を写す</source>
        <translation>Copy last year&apos;s organisation</translation>
    </message>
    <message>
        <source>前の年度の組織を、この年度に写します。転出などで名簿にいない人は写しません</source>
        <translation>Copy the previous fiscal year&apos;s organisation into this year. People no longer in the member list (moved out, etc.) are not copied.</translation>
    </message>
    <message>
        <source>自主防災の組織</source>
        <translation>Voluntary disaster-prevention organisation</translation>
    </message>
    <message>
        <source>各班に班長は1人です。班長を替えるときは、いまの班長を先に班員にします。</source>
        <translation>Each team (han) has one team leader. To change the leader, first make the current leader a team member.</translation>
    </message>
    <message>
        <source>人を入れる…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <source>班長にする</source>
        <translation>Make team leader</translation>
    </message>
    <message>
        <source>組織から外す…</source>
        <translation>Remove from organisation…</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>（今年度）</source>
        <translation> (this fiscal year)</translation>
    </message>
    <message>
        <source>{0}品目</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>&#x3000;⚠ 点検が必要: {0}品目</source>
        <translation>  ⚠ Needs inspection: {0} items</translation>
    </message>
    <message>
        <source>{0}か所</source>
        <translation>{0} places</translation>
    </message>
    <message>
        <source>⚠ 自分の班の集合場所がまだない班: {0}{1}</source>
        <translation>⚠ Blocks without their own assembly point yet: {0}{1}</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（町会全体の場所を使います）</source>
        <translation>(Uses the association-wide places)</translation>
    </message>
    <message>
        <source>⚠ この班で使う場所がまだ登録されていません。</source>
        <translation>⚠ No place has been registered for this block yet.</translation>
    </message>
    <message>
        <source>{0}人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>（⚠ 名簿にいない人 {0}人）</source>
        <translation> (⚠ {0} not in the member list)</translation>
    </message>
    <message>
        <source>{0}の組織を写す</source>
        <translation>Copy the organisation of {0}</translation>
    </message>
    <message>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>{0}にする</source>
        <translation>Make {0}</translation>
    </message>
    <message>
        <source>資機材を登録しました。</source>
        <translation>Equipment registered.</translation>
    </message>
    <message>
        <source>「{0}」を{1}に点検したと記録しました。</source>
        <translation>Recorded that &quot;{0}&quot; was inspected on {1}.</translation>
    </message>
    <message>
        <source>「{0}」を廃棄にしました（「廃棄したものも表示」で見られます）。</source>
        <translation>Marked &quot;{0}&quot; as disposed (you can see it with &quot;Show disposed items too&quot;).</translation>
    </message>
    <message>
        <source>場所を登録しました。</source>
        <translation>Place registered.</translation>
    </message>
    <message>
        <source>場所を削除</source>
        <translation>Delete place</translation>
    </message>
    <message>
        <source>{0}「{1}」を削除します。よろしいですか？</source>
        <translation>Are you sure you want to delete {0} &quot;{1}&quot;?</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0}「{1}」を削除しました。</source>
        <translation>Deleted {0} &quot;{1}&quot;.</translation>
    </message>
    <message>
        <source>{0}さんを{1}の{2}にしました。</source>
        <translation>Made {0} the {2} of {1}.</translation>
    </message>
    <message>
        <source>組織から外す</source>
        <translation>Remove from organisation</translation>
    </message>
    <message>
        <source>{0}の{1}から{2}さんを外します。よろしいですか？</source>
        <translation>Remove {2} from {1} ({0})? Are you sure?</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>{0}さんを{1}から外しました。</source>
        <translation>Removed {0} from {1}.</translation>
    </message>
    <message>
        <source>{0}の自主防災の組織を{1}に写します。すでに{1}にいる人はそのままです。転出・死亡などで名簿にいない人は写しません。よろしいですか？</source>
        <translation>Copy the voluntary disaster-prevention organisation of {0} into {1}. People already in {1} stay as they are. People no longer in the member list (moved out, deceased, etc.) are not copied. Continue?</translation>
    </message>
    <message>
        <source>写す</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>{0}の組織から{1}人を写しました。</source>
        <translation>Copied {1} people from the organisation of {0}.</translation>
    </message>
    <message>
        <source>（{0}人はすでに入っていました）</source>
        <translation> ({0} were already in it)</translation>
    </message>
    <message>
        <source>
転出などで名簿にいないため写さなかった人: {0}</source>
        <translation>
Not copied because they are no longer in the member list (moved out, etc.): {0}</translation>
    </message>
    <message>
        <source>
その班にはもう班長がいるため、班員として写した人: {0}</source>
        <translation>
Copied as team members because their team already has a leader: {0}</translation>
    </message>
    <message>
        <source>防災台帳の保存先</source>
        <translation>Save disaster-preparedness register as</translation>
    </message>
    <message>
        <source>防災台帳_{0}.pdf</source>
        <translation>Disaster register_{0}.pdf</translation>
    </message>
    <message>
        <source>防災台帳を作っています…</source>
        <translation>Creating the disaster-preparedness register…</translation>
    </message>
    <message>
        <source>防災台帳の作成を中止しました（ファイルは作っていません）。</source>
        <translation>Creating the disaster-preparedness register was cancelled (no file was created).</translation>
    </message>
    <message>
        <source>防災台帳を保存しました（{0}ページ）: {1}</source>
        <translation>Disaster-preparedness register saved ({0} pages): {1}</translation>
    </message>
</context>
<context>
    <name>BudgetModel</name>
    <message>
        <source>収入</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>支出</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <source>＊未保存</source>
        <translation>* Not saved</translation>
    </message>
    <message>
        <source>ダブルクリックか F2 で予算額を入力します（「予算を保存」で保存）</source>
        <translation>Double-click or press F2 to enter a budget amount (save with “Save budget”)</translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <source>収支の合計</source>
        <translation>Income and expense totals</translation>
    </message>
    <message>
        <source>予算と決算</source>
        <translation>Budget and settlement</translation>
    </message>
    <message>
        <source>予算を保存</source>
        <translation>Save budget</translation>
    </message>
    <message>
        <source>入力を戻す</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>予算書を印刷…</source>
        <translation>Print budget…</translation>
    </message>
    <message>
        <source>決算書・監査報告を印刷…</source>
        <translation>Print settlement and audit report…</translation>
    </message>
    <message>
        <source>決算書をExcelで保存…</source>
        <translation>Save settlement as Excel…</translation>
    </message>
    <message>
        <source>年度を締める…</source>
        <translation>Close fiscal year…</translation>
    </message>
    <message>
        <source>校下への負担金（世帯数 × 単価）</source>
        <translation>School district levy (households × rate)</translation>
    </message>
    <message>
        <source>校下への負担金</source>
        <translation>School district levy</translation>
    </message>
    <message>
        <source>年度がまだ開かれていません。</source>
        <translation>The fiscal year has not been opened yet.</translation>
    </message>
    <message>
        <source>締め済み</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>締め前の見込み</source>
        <translation>Estimate before closing</translation>
    </message>
    <message>
        <source>{label}（{state}）&#x3000;収入: 予算 {income_budget}・決算 {income_total}&#x3000;支出: 予算 {expense_budget}・決算 {expense_total}&#x3000;次年度繰越金 {carry_out}</source>
        <translation>{label} ({state})  Income: budget {income_budget}, actual {income_total}  Expenses: budget {expense_budget}, actual {expense_total}  Balance carried forward to next year {carry_out}</translation>
    </message>
    <message>
        <source>{district}&#x3000;基準日 {as_of} の会員 {n}世帯&#x3000;合計 {total}</source>
        <translation>{district}  {n} member households as of {as_of}  Total {total}</translation>
    </message>
    <message>
        <source>校下未登録</source>
        <translation>School district not registered</translation>
    </message>
    <message>
        <source>この年度の単価がまだありません（「設定」タブの「校下への負担金の単価」で入れます）。</source>
        <translation>There is no rate for this fiscal year yet (enter it under “Levy rates for the school district” on the “Settings” tab).</translation>
    </message>
    <message>
        <source>入力した予算額をまとめて保存します（一つでもまちがいがあると何も保存しません）</source>
        <translation>Save all entered budget amounts at once (if any one is wrong, nothing is saved)</translation>
    </message>
    <message>
        <source>保存していない予算額の入力を取り消します</source>
        <translation>Discard budget amounts you have entered but not saved</translation>
    </message>
    <message>
        <source>残高を確かめて年度を締め、次年度へ繰り越します（締めると変更できません）</source>
        <translation>Check the balances, close the fiscal year and carry forward to the next year (after closing, nothing can be changed)</translation>
    </message>
    <message>
        <source>年度がまだ開かれていません</source>
        <translation>The fiscal year has not been opened yet</translation>
    </message>
    <message>
        <source>収支予算書をPDFで印刷・保存します</source>
        <translation>Print or save the income and expenditure budget as a PDF</translation>
    </message>
    <message>
        <source>収支決算書と会計監査報告書をPDFで印刷・保存します</source>
        <translation>Print or save the income and expenditure settlement and the audit report as a PDF</translation>
    </message>
    <message>
        <source>収支決算書と会計監査報告書をExcelのファイルに保存します</source>
        <translation>Save the income and expenditure settlement and the audit report to an Excel file</translation>
    </message>
    <message>
        <source>変えた予算額はありません。</source>
        <translation>No budget amounts have been changed.</translation>
    </message>
    <message>
        <source>{exc}（どの予算額も保存していません）</source>
        <translation>{exc} (no budget amounts have been saved)</translation>
    </message>
    <message>
        <source>予算額を{n}科目保存しました。</source>
        <translation>Saved budget amounts for {n} account items.</translation>
    </message>
    <message>
        <source>決算書の保存先</source>
        <translation>Where to save the settlement</translation>
    </message>
    <message>
        <source>{year} 収支決算書.xlsx</source>
        <translation>{year} Income and Expenditure Settlement.xlsx</translation>
    </message>
    <message>
        <source>保存しました: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>{year}を締めました。これからは見るだけです（{next}に繰り越しました）。</source>
        <translation>{year} has been closed. From now on it is view-only (carried forward to {next}).</translation>
    </message>
</context>
<context>
    <name>BulkPaymentDialog</name>
    <message>
        <source>班でまとめて入金</source>
        <translation>Record block payments together</translation>
    </message>
    <message>
        <source>まとめて記録する</source>
        <translation>Record all</translation>
    </message>
    <message>
        <source>班長が集めた会費をまとめて記録します。納めた世帯に印を付け、金額を確かめてください。一軒でも問題があると、どの入金も記録しません（問題の世帯をお知らせします）。</source>
        <translation>Records dues collected by a block leader all at once. Tick the households that paid and check the amounts. If even one household has a problem, no payment is recorded (you will be told which households).</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>入金日</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>受け取った人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>空欄ならログイン中の役員</source>
        <translation>If blank, the officer who is logged in</translation>
    </message>
    <message>
        <source>納め方</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>&lt;b&gt;世帯（回覧順）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Household (circulation order)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;未納&lt;/b&gt;</source>
        <translation>&lt;b&gt;Unpaid&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;今回の入金額（円）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Amount paid now (yen)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>この班には未納の世帯がありません。</source>
        <translation>No households in this block have unpaid dues.</translation>
    </message>
    <message>
        <source>世帯No.{id}</source>
        <translation>Household No.{id}</translation>
    </message>
    <message>
        <source>{who}の入金</source>
        <translation>Payment from {who}</translation>
    </message>
    <message>
        <source>{who}の入金額</source>
        <translation>Amount paid by {who}</translation>
    </message>
    <message>
        <source>一括入金</source>
        <translation>Bulk payment</translation>
    </message>
    <message>
        <source>入金した世帯に印を付けてください。</source>
        <translation>Please tick the households that paid.</translation>
    </message>
    <message>
        <source>班を選んでください。</source>
        <translation>Please choose a block.</translation>
    </message>
</context>
<context>
    <name>CancelCaseDialog</name>
    <message>
        <source>補助金の取り下げ</source>
        <translation>Withdraw subsidy application</translation>
    </message>
    <message>
        <source>取り下げる</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>{program}「{title}」を取り下げます。記録と経過は消えずに残り、「取り下げ」と表示されます。</source>
        <translation>Withdraws {program} “{title}”. Its records and history are kept and shown as “Withdrawn”.</translation>
    </message>
    <message>
        <source>取り下げる理由</source>
        <translation>Reason for withdrawing</translation>
    </message>
    <message>
        <source>例: 業者の見積りが予算を超えたため</source>
        <translation>e.g. The contractor&apos;s estimate was over budget</translation>
    </message>
    <message>
        <source>取り下げ</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>「{title}」を取り下げます。よろしいですか？</source>
        <translation>Withdraw “{title}”?</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CancelPaymentDialog</name>
    <message>
        <source>入金の取り消し</source>
        <translation>Cancel a payment</translation>
    </message>
    <message>
        <source>この入金を取り消す</source>
        <translation>Cancel this payment</translation>
    </message>
    <message>
        <source>{who}さんの入金を取り消します。元の記録は消えずに残り、取り消しの記録（マイナスの入金）が加わります。出納簿に記帳済みの入金は、先に会計担当がその記帳を取り消してください。</source>
        <translation>This cancels a payment from {who}. The original record is kept, and a cancelling record (a negative payment) is added. If the payment is already entered in the cash book, the treasurer must cancel that entry first.</translation>
    </message>
    <message>
        <source>取り消す入金</source>
        <translation>Payment to cancel</translation>
    </message>
    <message>
        <source>&#x3000;（出納簿に記帳済み）</source>
        <translation>   (entered in cash book)</translation>
    </message>
    <message>
        <source>取り消す理由</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>例: 金額の打ちまちがい</source>
        <translation>e.g. Typed the wrong amount</translation>
    </message>
    <message>
        <source>取り消せる入金がありません。</source>
        <translation>There are no payments that can be cancelled.</translation>
    </message>
</context>
<context>
    <name>CashBookTab</name>
    <message>
        <source>口座</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>金銭出納簿</source>
        <translation>Cash book</translation>
    </message>
    <message>
        <source>記帳する…</source>
        <translation>New entry…</translation>
    </message>
    <message>
        <source>取り消す…</source>
        <translation>Cancel entry…</translation>
    </message>
    <message>
        <source>会費を出納簿に記帳…</source>
        <translation>Enter dues in the cash book…</translation>
    </message>
    <message>
        <source>残高を見る日</source>
        <translation>Date for balance</translation>
    </message>
    <message>
        <source>例: 令和8年9月30日</source>
        <translation>e.g. 令和8年9月30日</translation>
    </message>
    <message>
        <source>この日の残高を見る</source>
        <translation>Show balance on this date</translation>
    </message>
    <message>
        <source>口座ごとの残高</source>
        <translation>Balance by account</translation>
    </message>
    <message>
        <source>（振替）</source>
        <translation>(transfer)</translation>
    </message>
    <message>
        <source>年度がまだ開かれていません。</source>
        <translation>The fiscal year has not been opened yet.</translation>
    </message>
    <message>
        <source>年度初めの残高 {opening}&#x3000;→&#x3000;今の残高 {closing}&#x3000;（{n}件）</source>
        <translation>Opening balance {opening}  →  Current balance {closing}  ({n} entries)</translation>
    </message>
    <message>
        <source>出納簿にまだ記帳していない会費: {n}件（{total}）</source>
        <translation>Dues not yet entered in the cash book: {n} ({total})</translation>
    </message>
    <message>
        <source>受け取った会費は、すべて出納簿に記帳してあります。</source>
        <translation>All dues received have been entered in the cash book.</translation>
    </message>
    <message>
        <source>収入・支出・振替を一件記帳します</source>
        <translation>Enters one income, expense or transfer</translation>
    </message>
    <message>
        <source>選んだ記帳を、理由を書いて取り消します（元の記帳は残ります）</source>
        <translation>Cancels the selected entry with a reason (the original entry is kept)</translation>
    </message>
    <message>
        <source>取り消す記帳を一覧で選んでください（取消済み・取消の記帳は選べません）</source>
        <translation>Please select the entry to cancel in the list (cancelled entries and cancellation entries cannot be selected)</translation>
    </message>
    <message>
        <source>受け取った会費のうち未記帳の分を、一つの「会費収入」として記帳します</source>
        <translation>Enters all received dues that are not yet in the cash book as one “Dues income” entry</translation>
    </message>
    <message>
        <source>その日の終わりの、口座ごとの残高を表示します</source>
        <translation>Shows the balance of each account at the end of that day</translation>
    </message>
    <message>
        <source>年度がまだ開かれていません</source>
        <translation>The fiscal year has not been opened yet</translation>
    </message>
    <message>
        <source>記帳しました。</source>
        <translation>Entry recorded.</translation>
    </message>
    <message>
        <source>No.{n} を取り消しました（元の記帳は残っています）。</source>
        <translation>Cancelled No.{n} (the original entry is kept).</translation>
    </message>
    <message>
        <source>出納簿に記帳していない会費の入金はありません。</source>
        <translation>There are no dues payments that are not yet in the cash book.</translation>
    </message>
    <message>
        <source>会費 {n}件（{total}）を記帳しました。</source>
        <translation>Entered {n} dues payments ({total}).</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{day}の終わりの残高: {parts}&#x3000;合計 {total}</source>
        <translation>Balance at the end of {day}: {parts}   Total {total}</translation>
    </message>
</context>
<context>
    <name>CheckPeopleModel</name>
    <message>
        <source>（班なし）</source>
        <translation>(no block)</translation>
    </message>
    <message>
        <source>避難に手助けが必要な人（詳しい情報は要支援者名簿にあります）</source>
        <translation>Person who needs help to evacuate (details are in the list of people who need help to evacuate)</translation>
    </message>
    <message>
        <source>まだ記録していません。1〜4で安否を入れると、この所在も一緒に記録します。</source>
        <translation>Not recorded yet. When you enter a safety status with 1–4, this whereabouts is recorded too.</translation>
    </message>
    <message>
        <source>確認: {0}</source>
        <translation>Checked: {0}</translation>
    </message>
    <message>
        <source>● = 避難に手助けが必要な人</source>
        <translation>● = person who needs help to evacuate</translation>
    </message>
</context>
<context>
    <name>CheckScreen</name>
    <message>
        <source>← 一覧へ</source>
        <translation>← Back to list</translation>
    </message>
    <message>
        <source>安否確認の一覧に戻ります</source>
        <translation>Go back to the list of safety checks</translation>
    </message>
    <message>
        <source>読み直す</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>ほかの人が入力した結果も含めて、台帳から読み直します</source>
        <translation>Reloads from the register, including results entered by other people</translation>
    </message>
    <message>
        <source>この確認を終える</source>
        <translation>Finish this check</translation>
    </message>
    <message>
        <source>全員の確認が済んだら押します。終えた確認は変えられません。</source>
        <translation>Press this when everyone has been checked. A finished check cannot be changed.</translation>
    </message>
    <message>
        <source>キー:</source>
        <translation>Keys:</translation>
    </message>
    <message>
        <source>未確認に戻す</source>
        <translation>Back to not checked</translation>
    </message>
    <message>
        <source>所在:</source>
        <translation>Whereabouts:</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>班:</source>
        <translation>Block:</translation>
    </message>
    <message>
        <source>班を選ぶ</source>
        <translation>Choose a block</translation>
    </message>
    <message>
        <source>名前で探す:</source>
        <translation>Search by name:</translation>
    </message>
    <message>
        <source>名前・フリガナ（Enterで一覧へ）</source>
        <translation>Name or reading (Enter to go to the list)</translation>
    </message>
    <message>
        <source>名前で探す</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>安否確認の名簿</source>
        <translation>Safety check list</translation>
    </message>
    <message>
        <source>行を選んで数字キーを押すと記録し、次の人へ進みます。↑↓で行を移ります。</source>
        <translation>Select a row and press a number key to record it and move on to the next person. Use ↑↓ to move between rows.</translation>
    </message>
    <message>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>&lt;b&gt;班ごとの集計&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totals by block&lt;/b&gt;</translation>
    </message>
    <message>
        <source>班ごとの集計</source>
        <translation>Totals by block</translation>
    </message>
    <message>
        <source>まだ確認できていない人</source>
        <translation>People not yet checked</translation>
    </message>
    <message>
        <source>まだ確認できていない人の一覧</source>
        <translation>List of people not yet checked</translation>
    </message>
    <message>
        <source>ダブルクリックか Enter で、一覧のこの人を選びます</source>
        <translation>Double-click or press Enter to select this person in the list</translation>
    </message>
    <message>
        <source>{0}（キー {1}）</source>
        <translation>{0} (key {1})</translation>
    </message>
    <message>
        <source>選んだ人を「{0}」にします（キー {1}）</source>
        <translation>Mark the selected person as “{0}” (key {1})</translation>
    </message>
    <message>
        <source>（班なし）</source>
        <translation>(no block)</translation>
    </message>
    <message>
        <source>すべての班</source>
        <translation>All blocks</translation>
    </message>
    <message>
        <source>種類: {0}</source>
        <translation>Type: {0}</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}〜</source>
        <translation>{0} — from {1}</translation>
    </message>
    <message>
        <source>（終了）</source>
        <translation>(finished)</translation>
    </message>
    <message>
        <source>この安否確認は{0}に終わっています。記録を見るだけです。</source>
        <translation>This safety check finished on {0}. You can only view the records.</translation>
    </message>
    <message>
        <source>閲覧のみ: 安否を記録する権限がありません（役員・班長が記録できます）。</source>
        <translation>View only: you do not have permission to record safety status (officers and block leaders can record it).</translation>
    </message>
    <message>
        <source>所在は H 自宅・S 避難所・K 親族宅。間違えたときは 0 か Delete で「未確認」に戻します。</source>
        <translation>Whereabouts: H = home, S = evacuation shelter, K = relative&apos;s home. If you make a mistake, press 0 or Delete to go back to “Not checked”.</translation>
    </message>
    <message>
        <source>確認済み {0:,} / {1:,}人</source>
        <translation>Checked: {0:,} / {1:,} people</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}{1} {2:,}人</source>
        <translation>{0}{1}: {2:,}</translation>
    </message>
    <message>
        <source>・未確認 {0:,}人</source>
        <translation>, Not checked: {0:,}</translation>
    </message>
    <message>
        <source>&lt;b&gt;まだ確認できていない人{0}: {1:,}人&lt;/b&gt;</source>
        <translation>&lt;b&gt;People not yet checked{0}: {1:,}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>&lt;b&gt;✓ {0}の確認が済みました&lt;/b&gt;</source>
        <translation>&lt;b&gt;✓ Check complete for {0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>全員</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>「{0}」に当たる人は、この一覧にいません。</source>
        <translation>No one matching “{0}” is in this list.</translation>
    </message>
    <message>
        <source>この安否確認は終わっています。記録を見るだけです。</source>
        <translation>This safety check has finished. You can only view the records.</translation>
    </message>
    <message>
        <source>閲覧のみ: 安否を記録する権限がありません。</source>
        <translation>View only: you do not have permission to record safety status.</translation>
    </message>
    <message>
        <source>一覧から人を選んでください。</source>
        <translation>Please select a person in the list.</translation>
    </message>
    <message>
        <source>✓ {0}さん: {1}</source>
        <translation>✓ {0}: {1}</translation>
    </message>
    <message>
        <source>{0}さんを「未確認」に戻しました。</source>
        <translation>{0} is back to “Not checked”.</translation>
    </message>
    <message>
        <source>{0}さんの所在の入力を取り消しました。</source>
        <translation>Removed the whereabouts entered for {0}.</translation>
    </message>
    <message>
        <source>{0}さんはまだ確認していません。</source>
        <translation>{0} has not been checked yet.</translation>
    </message>
    <message>
        <source>{0}さん: 所在「{1}」。続けて安否（1〜4）を押すと一緒に記録します。</source>
        <translation>{0}: whereabouts “{1}”. Press a status key (1–4) next to record both together.</translation>
    </message>
    <message>
        <source>✓ {0}さん: 所在「{1}」</source>
        <translation>✓ {0}: whereabouts “{1}”</translation>
    </message>
    <message>
        <source>
まだ確認できていない人が{0:,}人います。</source>
        <translation>
{0:,} people have not been checked yet.</translation>
    </message>
    <message>
        <source>安否確認を終える</source>
        <translation>Finish safety check</translation>
    </message>
    <message>
        <source>「{0}」を終えますか？{1}
終えると、結果は変えられなくなります。</source>
        <translation>Finish “{0}”?{1}
Once finished, the results cannot be changed.</translation>
    </message>
    <message>
        <source>終える</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>続ける</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>✓ 安否確認「{0}」を終えました（確認済み {1:,} / {2:,}人）。</source>
        <translation>✓ Finished the safety check “{0}” (checked: {1:,} / {2:,} people).</translation>
    </message>
</context>
<context>
    <name>CircularsPage</name>
    <message>
        <source>回覧</source>
        <translation>Circulars</translation>
    </message>
    <message>
        <source>新しい回覧を印刷…</source>
        <translation>Print new circular…</translation>
    </message>
    <message>
        <source>班から戻ったことを記録…</source>
        <translation>Record return from blocks…</translation>
    </message>
    <message>
        <source>題名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>発行日</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>班長へ戻す日</source>
        <translation>Return to block leader by</translation>
    </message>
    <message>
        <source>戻った班</source>
        <translation>Blocks returned</translation>
    </message>
    <message>
        <source>まだ戻っていない班</source>
        <translation>Blocks not yet returned</translation>
    </message>
    <message>
        <source>（期限を過ぎています）</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0} circulars</translation>
    </message>
    <message>
        <source>⚠ 回覧を選んでください。</source>
        <translation>⚠ Please select a circular.</translation>
    </message>
    <message>
        <source>この回覧はすべての班から戻っています。</source>
        <translation>This circular has come back from all blocks.</translation>
    </message>
    <message>
        <source>回覧の返却</source>
        <translation>Circular returns</translation>
    </message>
    <message>
        <source>戻ってきた班</source>
        <translation>Blocks that returned it</translation>
    </message>
</context>
<context>
    <name>CityListDialog</name>
    <message>
        <source>市の避難行動要支援者名簿を取り込む（取扱注意）</source>
        <translation>Import the city&apos;s list of people who need help to evacuate (handle with care)</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>読み込んで確かめる</source>
        <translation>Read and check</translation>
    </message>
    <message>
        <source>市から受け取った避難行動要支援者名簿（Excel・CSV）を取り込みます。今の市の名簿は新しい名簿で全部置き換わり、前の版は台帳のファイルからも消去します（元に戻せません）。町会で把握した人はそのまま残ります。取り込む前に、読み取った内容と、会員名簿の人との結び付けを1行ずつ確かめます。</source>
        <translation>Import the list of people who need help to evacuate (Excel or CSV) that you received from the city. The current city list will be completely replaced by the new one, and the previous version will also be erased from the register file (this cannot be undone). People recorded by the association stay as they are. Before importing, you check what was read and how each row is linked to a person in the member register, one row at a time.</translation>
    </message>
    <message>
        <source>ファイルを選ぶ…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>（まだ選んでいません）</source>
        <translation>(not chosen yet)</translation>
    </message>
    <message>
        <source>受け取った日</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>例: 避難行動要支援者名簿の提供に関する協定（令和元年7月1日）</source>
        <translation>e.g. 避難行動要支援者名簿の提供に関する協定（令和元年7月1日）</translation>
    </message>
    <message>
        <source>協定</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>未確認（同意の列がないとき）</source>
        <translation>Unconfirmed (when there is no consent column)</translation>
    </message>
    <message>
        <source>同意（市から同意者名簿として受け取った）</source>
        <translation>Consented (received from the city as a consent list)</translation>
    </message>
    <message>
        <source>同意の列がないとき</source>
        <translation>When there is no consent column</translation>
    </message>
    <message>
        <source>取り込んだ後、受け取ったファイルを復元できないように消去する（協定: 写しを残さない）</source>
        <translation>After importing, erase the received file so it cannot be recovered (agreement: keep no copies)</translation>
    </message>
    <message>
        <source>協定（番号か締結日）</source>
        <translation>Agreement (number or date signed)</translation>
    </message>
    <message>
        <source>読み取った列</source>
        <translation>Columns read</translation>
    </message>
    <message>
        <source>分からない列</source>
        <translation>Unrecognised columns</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>判定</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>会員名簿の人</source>
        <translation>Person in member register</translation>
    </message>
    <message>
        <source>説明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>市の名簿の行</source>
        <translation>Rows of the city list</translation>
    </message>
    <message>
        <source>取り込まない行・お知らせ</source>
        <translation>Rows not imported / notices</translation>
    </message>
    <message>
        <source>取り込みの結果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>1. 受け取った名簿を選ぶ</source>
        <translation>1. Choose the list you received</translation>
    </message>
    <message>
        <source>2. 内容と結び付けを確かめる</source>
        <translation>2. Check the contents and links</translation>
    </message>
    <message>
        <source>3. 取り込みました</source>
        <translation>3. Imported</translation>
    </message>
    <message>
        <source>この内容で置き換える</source>
        <translation>Replace with this list</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>⚠ あと{0}行（{1}）、会員名簿のどの人か、または「名簿にいない」を選んでください。</source>
        <translation>⚠ {0} more rows ({1}): please choose which person in the member register each one is, or “Not in the register”.</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}行目</source>
        <translation>Row {0}</translation>
    </message>
    <message>
        <source>市から受け取った名簿</source>
        <translation>List received from the city</translation>
    </message>
    <message>
        <source>名簿のファイル (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)</source>
        <translation>List files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <source>⚠ ファイルを選んでください。</source>
        <translation>⚠ Please choose a file.</translation>
    </message>
    <message>
        <source>⚠ 受け取った日を入れてください。</source>
        <translation>⚠ Please enter the date received.</translation>
    </message>
    <message>
        <source>{0}人: 名簿の人と一致 {1}人・要確認 {2}人・名簿にいない {3}人。</source>
        <translation>{0} people: {1} match the member register, {2} need checking, {3} not in the register.</translation>
    </message>
    <message>
        <source>取り込まない行 {0}行。</source>
        <translation>{0} rows not imported.</translation>
    </message>
    <message>
        <source>
今の市の名簿（{0}受領・{1}人）をこの名簿で置き換えます。</source>
        <translation>
This list will replace the current city list (received {0}, {1} people).</translation>
    </message>
    <message>
        <source>町会で把握した{0}人はそのまま残ります。</source>
        <translation>The {0} people recorded by the association will stay as they are.</translation>
    </message>
    <message>
        <source>読み取った列: {0}</source>
        <translation>Columns read: {0}</translation>
    </message>
    <message>
        <source>⚠ 分からない列（内容は「見出し：値」として備考に残します）: {0}</source>
        <translation>⚠ Unrecognised columns (their contents are kept in Notes as “heading: value”): {0}</translation>
    </message>
    <message>
        <source>{0}行目の会員名簿の人</source>
        <translation>Person in member register for row {0}</translation>
    </message>
    <message>
        <source>（選んでください）</source>
        <translation>(please choose)</translation>
    </message>
    <message>
        <source>生年月日不明</source>
        <translation>Date of birth unknown</translation>
    </message>
    <message>
        <source>{0}（{1}・{2}・{3}）</source>
        <translation>{0} ({1}, {2}, {3})</translation>
    </message>
    <message>
        <source>名簿にいない（結び付けない）</source>
        <translation>Not in the register (do not link)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>名簿の人</source>
        <translation>Person in register</translation>
    </message>
    <message>
        <source>（名簿にいない人として残します）</source>
        <translation>(kept as a person not in the register)</translation>
    </message>
    <message>
        <source>{0}行目: {1}のため取り込みません</source>
        <translation>Row {0}: not imported ({1})</translation>
    </message>
    <message>
        <source>今の市の名簿（{0}受領・{1}人）を</source>
        <translation>This replaces the current city list (received {0}, {1} people). </translation>
    </message>
    <message>
        <source>市の名簿で置き換える</source>
        <translation>Replace the city list</translation>
    </message>
    <message>
        <source>{0}この名簿（{1}人）で置き換えます。前の版は台帳から消去し、元に戻せません。取り込む前に自動でバックアップを作ります。よろしいですか？</source>
        <translation>{0}The new list has {1} people. The previous version will be erased from the register and cannot be restored. A backup is made automatically before importing. Do you want to continue?</translation>
    </message>
    <message>
        <source>置き換える</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>市の名簿を取り込みました: {0}人（会員名簿の人と結び付け {1}人・名簿にいない {2}人）。</source>
        <translation>The city list has been imported: {0} people ({1} linked to the member register, {2} not in the register).</translation>
    </message>
    <message>
        <source>前の版の{0}人分を消去しました。</source>
        <translation>Erased the previous version ({0} people).</translation>
    </message>
    <message>
        <source>台帳のファイルの中でも上書きして消去済みです。</source>
        <translation>It has also been overwritten and erased inside the register file.</translation>
    </message>
    <message>
        <source>⚠ 台帳のファイルの中の上書き消去が、ほかの処理のため終わっていません。台帳を閉じると終わります。</source>
        <translation>⚠ Erasing by overwriting inside the register file has not finished because of other processing. It will finish when you close the register.</translation>
    </message>
    <message>
        <source>前の版はありませんでした（初めての取り込み）。</source>
        <translation>There was no previous version (first import).</translation>
    </message>
    <message>
        <source>地域支援者{0}人を、前の版から引き継ぎました。</source>
        <translation>Carried over the local supporters of {0} people from the previous version.</translation>
    </message>
    <message>
        <source>受け取ったファイルを復元できないように消去しました。</source>
        <translation>The received file has been erased so it cannot be recovered.</translation>
    </message>
    <message>
        <source>⚠ 受け取ったファイルを消去できませんでした。手で消去してください: {0}</source>
        <translation>⚠ The received file could not be erased. Please erase it yourself: {0}</translation>
    </message>
    <message>
        <source>名簿にいない人は一覧に「⚠ 名簿にいない人」と出ます。あとから会員名簿の人と結び付けられます。</source>
        <translation>People not in the register appear in the list as “⚠ Not in the register”. You can link them to people in the member register later.</translation>
    </message>
</context>
<context>
    <name>CityRequestDialog</name>
    <message>
        <source>市からの回答を記録</source>
        <translation>Record reply from the city</translation>
    </message>
    <message>
        <source>市への要望を記録</source>
        <translation>Record request to the city</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}
{2}</source>
        <translation>{0}  {1}
{2}</translation>
    </message>
    <message>
        <source>要望</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>回答日</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <source>要望日</source>
        <translation>Request date</translation>
    </message>
    <message>
        <source>例: 市 道路管理課</source>
        <translation>e.g. 市 道路管理課 (city road management division)</translation>
    </message>
    <message>
        <source>宛先</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>回答</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>例: 来年度に街路灯を1基設置する</source>
        <translation>e.g. One street light will be installed next fiscal year</translation>
    </message>
    <message>
        <source>例: 通学路の街路灯の増設をお願いします</source>
        <translation>e.g. We ask for more street lights along the school route</translation>
    </message>
    <message>
        <source>記録する</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CloseYearDialog</name>
    <message>
        <source>{year}を締める</source>
        <translation>Close {year}</translation>
    </message>
    <message>
        <source>⚠ 締めると{year}の帳簿には鍵がかかり、会費の入金も出納簿も予算も、もう変えられなくなります。残高は{next}の「前年度繰越金」として繰り越されます。締めたあとの訂正は、{next}に新しい記帳として入れます。
数えた現金と通帳の残高を口座ごとに入れて「確かめる」を押してください。</source>
        <translation>⚠ Once closed, the books for {year} are locked: dues payments, the cash book and the budget can no longer be changed. The balance is carried over to {next} as the “balance carried forward from the previous year”. Corrections after closing are entered in {next} as new entries.
Enter the counted cash and the bank book balance for each account, then press “Check”.</translation>
    </message>
    <message>
        <source>{account}の実際の残高</source>
        <translation>Actual balance of {account}</translation>
    </message>
    <message>
        <source>帳簿では {amount}</source>
        <translation>In the books: {amount}</translation>
    </message>
    <message>
        <source>{account}（帳簿 {amount}）</source>
        <translation>{account} (books: {amount})</translation>
    </message>
    <message>
        <source>確かめる</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>確かめた結果</source>
        <translation>Result of the check</translation>
    </message>
    <message>
        <source>✔ 問題はありません。次年度繰越金は {amount} です。</source>
        <translation>✔ No problems. The balance carried forward to next year is {amount}.</translation>
    </message>
    <message>
        <source>⚠ 次のことを直してから締めてください:
</source>
        <translation>⚠ Please fix the following before closing:
</translation>
    </message>
    <message>
        <source>・{problem}</source>
        <translation>・{problem}</translation>
    </message>
</context>
<context>
    <name>ConsolidateDialog</name>
    <message>
        <source>町会から届いた年次報告（Excel）を集めて点検し、校下ごとの合計を出します。ファイルかフォルダー（中のフォルダーも読みます）を追加して「集計する」を押してください。読めないファイルも、理由をつけて必ず一覧に載ります。</source>
        <translation>Collects the annual reports (Excel) sent in by the associations, checks them, and totals them by school district (kōka). Add files or folders (folders inside are read too) and press “Total up”. Files that cannot be read are always listed too, with the reason.</translation>
    </message>
    <message>
        <source>集計表を保存…</source>
        <translation>Save summary…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>1. 集める報告</source>
        <translation>1. Reports to collect</translation>
    </message>
    <message>
        <source>集める報告のファイルとフォルダー</source>
        <translation>Report files and folders to collect</translation>
    </message>
    <message>
        <source>ファイルを追加…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>フォルダーを追加…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>選んだファイル・フォルダーを一覧から外す</source>
        <translation>Remove the selected files and folders from the list</translation>
    </message>
    <message>
        <source>年度を確かめる（違う年度の報告は「問題あり」にします）:</source>
        <translation>Check the fiscal year (reports for a different year are marked “Has problems”):</translation>
    </message>
    <message>
        <source> 年度</source>
        <translation> (fiscal year)</translation>
    </message>
    <message>
        <source>集計する年度（西暦）</source>
        <translation>Fiscal year to total (Western calendar)</translation>
    </message>
    <message>
        <source>集計する年度（和暦）</source>
        <translation>Fiscal year to total (Japanese calendar)</translation>
    </message>
    <message>
        <source>市などの様式（標準様式はいつも読みます）:</source>
        <translation>City and other forms (the standard form is always read):</translation>
    </message>
    <message>
        <source>追加した様式の対応表</source>
        <translation>Added form mappings</translation>
    </message>
    <message>
        <source>様式の対応表（JSON）を追加…</source>
        <translation>Add form mapping (JSON)…</translation>
    </message>
    <message>
        <source>様式を外す</source>
        <translation>Remove form</translation>
    </message>
    <message>
        <source>集計する</source>
        <translation>Total up</translation>
    </message>
    <message>
        <source>集計の進み具合</source>
        <translation>Progress of the totalling</translation>
    </message>
    <message>
        <source>%v / %m 件</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>2. 結果</source>
        <translation>2. Results</translation>
    </message>
    <message>
        <source>まだ集計していません。</source>
        <translation>Not totalled yet.</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>町会名</source>
        <translation>Association name</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>問題</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>ファイルごとの結果</source>
        <translation>Results by file</translation>
    </message>
    <message>
        <source>選んだファイルの問題</source>
        <translation>Problems in the selected file</translation>
    </message>
    <message>
        <source>ファイルごと</source>
        <translation>By file</translation>
    </message>
    <message>
        <source>校下</source>
        <translation>District (kōka)</translation>
    </message>
    <message>
        <source>町会数</source>
        <translation>Associations</translation>
    </message>
    <message>
        <source>除いた報告</source>
        <translation>Reports left out</translation>
    </message>
    <message>
        <source>加入率</source>
        <translation>Membership rate</translation>
    </message>
    <message>
        <source>校下ごとの合計</source>
        <translation>Totals by district</translation>
    </message>
    <message>
        <source>集める報告のファイル</source>
        <translation>Report files to collect</translation>
    </message>
    <message>
        <source>Excel (*.xlsx *.xlsm *.xls *.ods);;すべてのファイル (*)</source>
        <translation>Excel (*.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>報告を入れたフォルダー</source>
        <translation>Folder containing the reports</translation>
    </message>
    <message>
        <source>フォルダー</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>［{0}］ {1}</source>
        <translation>[{0}] {1}</translation>
    </message>
    <message>
        <source>様式の対応表（JSON）</source>
        <translation>Form mapping (JSON)</translation>
    </message>
    <message>
        <source>様式の対応表 (*.json);;すべてのファイル (*)</source>
        <translation>Form mapping (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>{0}: 様式「{1}」はもう追加してあります。</source>
        <translation>{0}: the form “{1}” has already been added.</translation>
    </message>
    <message>
        <source>⚠ 様式の対応表を追加できません: {0}</source>
        <translation>⚠ Cannot add the form mapping: {0}</translation>
    </message>
    <message>
        <source>様式の対応表</source>
        <translation>Form mapping</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>様式「{0}」を追加しました。</source>
        <translation>Added the form “{0}”.</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation>({0})</translation>
    </message>
    <message>
        <source>⚠ 集める報告のファイルかフォルダーを追加してください。</source>
        <translation>⚠ Please add report files or a folder to collect.</translation>
    </message>
    <message>
        <source>集計しています…（途中でやめるときは「中止」）</source>
        <translation>Totalling… (press “Stop” to stop partway)</translation>
    </message>
    <message>
        <source>中止しています…（読みかけのファイルを読み終えるまでお待ちください）</source>
        <translation>Stopping… (please wait until the file being read is finished)</translation>
    </message>
    <message>
        <source>中止しました。集計結果は作っていません。もう一度「集計する」を押すと始めから読みます。</source>
        <translation>Stopped. No totals were made. Press “Total up” again to read everything from the start.</translation>
    </message>
    <message>
        <source>⚠ 集計できませんでした（{0}）</source>
        <translation>⚠ Could not total up ({0})</translation>
    </message>
    <message>
        <source>⚠ 集計できませんでした（{0}: {1}）</source>
        <translation>⚠ Could not total up ({0}: {1})</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>{0} {1}件</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0}の報告として</source>
        <translation> as reports for {0}</translation>
    </message>
    <message>
        <source>{year}ファイル {files}件を調べました（{seconds}秒）。合計に含めた町会は {associations}（校下 {districts}）です。</source>
        <translation>Checked {files} files{year} ({seconds} seconds). Associations included in the totals: {associations} (districts: {districts}).</translation>
    </message>
    <message>
        <source>「問題あり」「読めなかった」の町会には、表の「問題」を伝えて出し直してもらってください。</source>
        <translation>For associations marked “Has problems” or “Could not be read”, please tell them the problems shown in the table and ask them to send the report again.</translation>
    </message>
    <message>
        <source>「集計表を保存…」で Excel に保存できます。</source>
        <translation>You can save to Excel with “Save summary…”.</translation>
    </message>
    <message>
        <source>
⚠ {0}（「年度を確かめる」）</source>
        <translation>
⚠ {0} (see “Check the fiscal year”)</translation>
    </message>
    <message>
        <source>問題はありません。</source>
        <translation>No problems.</translation>
    </message>
    <message>
        <source>{0}（{1}）:
{2}</source>
        <translation>{0} ({1}):
{2}</translation>
    </message>
    <message>
        <source>集計表_{0}.xlsx</source>
        <translation>Summary_{0}.xlsx</translation>
    </message>
    <message>
        <source>集計表.xlsx</source>
        <translation>Summary.xlsx</translation>
    </message>
    <message>
        <source>⚠ 先に「集計する」を押してください。</source>
        <translation>⚠ Please press “Total up” first.</translation>
    </message>
    <message>
        <source>集計表の保存先</source>
        <translation>Where to save the summary</translation>
    </message>
    <message>
        <source>集計表の保存</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <source>{0} はもうあります。置き換えますか？
（{1}）</source>
        <translation>{0} already exists. Replace it?
({1})</translation>
    </message>
    <message>
        <source>置き換える</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存をやめました。</source>
        <translation>Saving cancelled.</translation>
    </message>
    <message>
        <source>保存できませんでした（{0}）</source>
        <translation>Could not save ({0})</translation>
    </message>
    <message>
        <source>集計表を保存しました: {0}</source>
        <translation>Summary saved: {0}</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>緊急連絡先の追加</source>
        <translation>Add emergency contact</translation>
    </message>
    <message>
        <source>緊急連絡先の編集</source>
        <translation>Edit emergency contact</translation>
    </message>
    <message>
        <source>例: 山田 一郎</source>
        <translation>e.g. 山田 一郎</translation>
    </message>
    <message>
        <source>例: 長男（東京）</source>
        <translation>e.g. eldest son (Tokyo)</translation>
    </message>
    <message>
        <source>例: 090-1234-5678（市外局番は省略できます）</source>
        <translation>e.g. 090-1234-5678 (the area code can be left out)</translation>
    </message>
    <message>
        <source>例: 東京都練馬区…</source>
        <translation>e.g. 東京都練馬区…</translation>
    </message>
    <message>
        <source>1 が最初に連絡する先です</source>
        <translation>1 is the first contact to call</translation>
    </message>
    <message>
        <source>世帯全体</source>
        <translation>Whole household</translation>
    </message>
    <message>
        <source>例: 平日の昼は携帯へ</source>
        <translation>e.g. call the mobile on weekday daytimes</translation>
    </message>
    <message>
        <source>だれの連絡先</source>
        <translation>Contact for whom</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>続柄・関係</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>順位</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>「保存」を押すと、すぐに台帳に保存されます。</source>
        <translation>When you press “Save”, it is saved to the register straight away.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>⚠ {message}（保存していません）</source>
        <translation>⚠ {message} (not saved)</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>世帯全体</source>
        <translation>Whole household</translation>
    </message>
    <message>
        <source>（番号{id}の人）</source>
        <translation>(person No.{id})</translation>
    </message>
</context>
<context>
    <name>ContactsSection</name>
    <message>
        <source>緊急連絡先（追加・変更はすぐに保存されます）</source>
        <translation>Emergency contacts (additions and changes are saved at once)</translation>
    </message>
    <message>
        <source>緊急連絡先の一覧</source>
        <translation>Emergency contact list</translation>
    </message>
    <message>
        <source>連絡先を追加…</source>
        <translation>Add contact…</translation>
    </message>
    <message>
        <source>遠くの家族・近所の方など、緊急のときの連絡先を加えます</source>
        <translation>Add contacts for emergencies, such as family living far away or neighbours</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>世帯を保存すると、緊急連絡先を登録できます。</source>
        <translation>You can register emergency contacts once the household is saved.</translation>
    </message>
    <message>
        <source>緊急連絡先は、名簿の画面から開いたときに登録できます。</source>
        <translation>Emergency contacts can be registered when this is opened from the register screen.</translation>
    </message>
    <message>
        <source>閲覧のみ: 緊急連絡先を変える権限がありません。</source>
        <translation>View only: you do not have permission to change emergency contacts.</translation>
    </message>
    <message>
        <source>✓ 緊急連絡先「{name}」を保存しました{phone}。</source>
        <translation>✓ Emergency contact “{name}” saved{phone}.</translation>
    </message>
    <message>
        <source>（電話 {p}）</source>
        <translation> (phone {p})</translation>
    </message>
    <message>
        <source>緊急連絡先「{name}」を削除しますか？</source>
        <translation>Delete emergency contact “{name}”?</translation>
    </message>
    <message>
        <source>緊急連絡先「{name}」を削除しました。</source>
        <translation>Emergency contact “{name}” deleted.</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <source>{n}回</source>
        <translation>{n} times</translation>
    </message>
    <message>
        <source>する</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>しない</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>活動の見える化</source>
        <translation>Activity overview</translation>
    </message>
    <message>
        <source>年度:</source>
        <translation>Fiscal year:</translation>
    </message>
    <message>
        <source>表示する年度</source>
        <translation>Fiscal year to show</translation>
    </message>
    <message>
        <source>活動のまとめ（PDF）…</source>
        <translation>Activity summary (PDF)…</translation>
    </message>
    <message>
        <source>この年度の数とグラフを、総会や回覧に使えるA4 1枚のPDFにします</source>
        <translation>Puts this year&apos;s figures and charts on one A4 PDF page for the general meeting or a circular</translation>
    </message>
    <message>
        <source>Excelに書き出す…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>同じ数をExcelの表にします</source>
        <translation>Puts the same figures in an Excel table</translation>
    </message>
    <message>
        <source>グラフを準備しています…</source>
        <translation>Preparing charts…</translation>
    </message>
    <message>
        <source>グラフを表示できませんでした: {error}</source>
        <translation>Could not show the charts: {error}</translation>
    </message>
    <message>
        <source>（{scope}の分）</source>
        <translation> (for {scope})</translation>
    </message>
    <message>
        <source>{label}（{start}〜{end}）の行事の記録と、{as_of}現在の名簿から{scope}</source>
        <translation>Based on event records for {label} ({start}–{end}) and the member list as of {as_of}{scope}</translation>
    </message>
    <message>
        <source>活動のまとめの保存先</source>
        <translation>Save activity summary to</translation>
    </message>
    <message>
        <source>活動のまとめ_{label}</source>
        <translation>Activity summary_{label}</translation>
    </message>
    <message>
        <source>活動のまとめ</source>
        <translation>Activity summary</translation>
    </message>
    <message>
        <source>保存しました: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>DbWorker</name>
    <message>
        <source>台帳が開かれていません。</source>
        <translation>No register is open.</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>協働デスク</source>
        <translation>Kyodo Desktop</translation>
    </message>
    <message>
        <source>処理しています…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>DisasterPage</name>
    <message>
        <source>防災・連絡網</source>
        <translation>Disaster prevention &amp; phone tree</translation>
    </message>
    <message>
        <source>防災・連絡網の切り替え</source>
        <translation>Switch between disaster prevention and phone tree</translation>
    </message>
    <message>
        <source>安否確認</source>
        <translation>Safety check</translation>
    </message>
    <message>
        <source>連絡網</source>
        <translation>Phone tree</translation>
    </message>
</context>
<context>
    <name>DisplayTab</name>
    <message>
        <source>文字の大きさと配色を選んで「この表示にする」を押してください。このパソコンで次に起動したときも同じ表示になります。</source>
        <extracomment>families tried in order: Windows&apos; UI fonts first, then what Linux/macOS have</extracomment>
        <translation>Choose the text size and colours, then press “Use this display”. The same display will be used the next time you start the program on this computer.</translation>
    </message>
    <message>
        <source>文字の大きさ</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>文字の大きさ {0}%</source>
        <translation>Text size {0}%</translation>
    </message>
    <message>
        <source>配色</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source>高コントラスト（黒地に白い文字・黄色の選択）</source>
        <translation>High contrast (white text on black, yellow selection)</translation>
    </message>
    <message>
        <source>見本: 山田 太郎（ヤマダ タロウ）&#x3000;令和8年4月1日&#x3000;会費 6,000円</source>
        <translation>Sample: 山田 太郎 (ヤマダ タロウ)  令和8年4月1日  Dues 6,000 yen</translation>
    </message>
    <message>
        <source>この表示にする</source>
        <translation>Use this display</translation>
    </message>
    <message>
        <source>言語 / Language</source>
        <translation>言語 / Language</translation>
    </message>
    <message>
        <source>この言語にする</source>
        <translation>Use this language</translation>
    </message>
    <message>
        <source>ヒント: Tab キーで次の項目へ、Shift+Tab で前へ移れます。いま選ばれている項目は太い枠で囲まれます。F1 キーでその画面の説明が出ます。</source>
        <translation>Tip: press Tab to move to the next item and Shift+Tab to go back. The item currently selected has a thick frame around it. Press F1 for help on the current screen.</translation>
    </message>
</context>
<context>
    <name>DuesTab</name>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>未納のみ（納期限を過ぎた分）</source>
        <translation>Unpaid only (past the due date)</translation>
    </message>
    <message>
        <source>未納のみ</source>
        <translation>Unpaid only</translation>
    </message>
    <message>
        <source>会費の一覧</source>
        <translation>List of dues</translation>
    </message>
    <message>
        <source>⚠ の行: 納期限を過ぎて未納の分があります。「（未割当）」: まだ会費を割り当てていない世帯です（今の会費の種類で表示しています）。</source>
        <translation>Rows with ⚠: some dues are unpaid past the due date. “(not assigned)”: households that have not been assigned dues yet (shown with the current dues type).</translation>
    </message>
    <message>
        <source>入金を記録…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <source>班でまとめて入金…</source>
        <translation>Record block payment…</translation>
    </message>
    <message>
        <source>入金を取り消す…</source>
        <translation>Cancel payment…</translation>
    </message>
    <message>
        <source>会費を割り当てる</source>
        <translation>Assign dues</translation>
    </message>
    <message>
        <source>集金簿を印刷…</source>
        <translation>Print collection book…</translation>
    </message>
    <message>
        <source>領収書を印刷…</source>
        <translation>Print receipts…</translation>
    </message>
    <message>
        <source>（未割当）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <source>年度がまだ開かれていません。上の「年度を開く」で帳簿をつける年度を開いてください。</source>
        <translation>The fiscal year has not been opened yet. Please open the fiscal year for your books with “Open fiscal year” above.</translation>
    </message>
    <message>
        <source>⚠ {exc}
（「設定」タブの「会費の額を決める」で期別と額を決めてください。）</source>
        <translation>⚠ {exc}
(Please set the instalments and amounts with “Set dues amounts” on the “Settings” tab.)</translation>
    </message>
    <message>
        <source>{n}世帯&#x3000;年額 {due}・入金済 {paid}・未納 {unpaid}（納期限を過ぎた未納 {late}世帯、{today}現在）</source>
        <translation>{n} households  Annual total {due} · Paid {paid} · Unpaid {unpaid} ({late} households unpaid past the due date, as of {today})</translation>
    </message>
    <message>
        <source>選んだ世帯の会費の入金を記録します（行をダブルクリックしても開きます）</source>
        <translation>Record a dues payment for the selected household (you can also double-click the row)</translation>
    </message>
    <message>
        <source>入金を記録する世帯を一覧で選んでください</source>
        <translation>Please select the household in the list to record a payment</translation>
    </message>
    <message>
        <source>班長が集めた一つの班の会費をまとめて記録します</source>
        <translation>Record, all at once, the dues for one block collected by the block leader</translation>
    </message>
    <message>
        <source>班がありません</source>
        <translation>There are no blocks</translation>
    </message>
    <message>
        <source>選んだ世帯の入金を、理由を書いて取り消します</source>
        <translation>Cancel a payment of the selected household, with a reason</translation>
    </message>
    <message>
        <source>入金のある世帯を一覧で選んでください</source>
        <translation>Please select a household with a payment in the list</translation>
    </message>
    <message>
        <source>まだ会費を割り当てていない世帯に、この年度の会費を割り当てます</source>
        <translation>Assign this fiscal year&apos;s dues to households that have not been assigned dues yet</translation>
    </message>
    <message>
        <source>班長に渡す会費集金簿（班ごと）を印刷します</source>
        <translation>Print the dues collection book (one per block) to hand to block leaders</translation>
    </message>
    <message>
        <source>入金の領収書を印刷します（世帯を選ぶとその世帯の分）</source>
        <translation>Print payment receipts (if you select a household, only for that household)</translation>
    </message>
    <message>
        <source>{who}さんの入金を記録しました。</source>
        <translation>Payment recorded for {who}.</translation>
    </message>
    <message>
        <source>{block}の{n}世帯の入金（合計 {total}）を記録しました。</source>
        <translation>Recorded payments from {n} households in {block} (total {total}).</translation>
    </message>
    <message>
        <source>この世帯には取り消せる入金がありません。</source>
        <translation>This household has no payment that can be cancelled.</translation>
    </message>
    <message>
        <source>{who}さんの入金を取り消しました（元の記録は残っています）。</source>
        <translation>The payment of {who} has been cancelled (the original record is kept).</translation>
    </message>
    <message>
        <source>会費の割り当て</source>
        <translation>Assign dues</translation>
    </message>
    <message>
        <source>{label}の会費を、まだ割り当てていない世帯に、今の会費の種類で割り当てます。割り当てたあとは、この年度の期別と額は変えられなくなります（世帯ごとの変更はできます）。割り当てますか？</source>
        <translation>Assign the dues for {label} to households that have not been assigned yet, using the current dues types. After assigning, the instalments and amounts for this fiscal year can no longer be changed (changes for individual households are still possible). Assign now?</translation>
    </message>
    <message>
        <source>割り当てる</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{label}の会費を{n}世帯に割り当てました。</source>
        <translation>Assigned the dues for {label} to {n} households.</translation>
    </message>
    <message>
        <source>新しく割り当てる世帯はありませんでした。</source>
        <translation>There were no households to assign.</translation>
    </message>
</context>
<context>
    <name>EligibilityModel</name>
    <message>
        <source>○ する</source>
        <translation>○ Takes turns</translation>
    </message>
    <message>
        <source>× しない（自動）</source>
        <translation>× Does not (automatic)</translation>
    </message>
    <message>
        <source>× しない</source>
        <translation>× Does not</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <source>台帳の暗号化</source>
        <translation>Encrypt the register</translation>
    </message>
    <message>
        <source>この台帳（{0}）は暗号化されていません。名簿の個人情報を守るため、開く前に暗号化します。
管理者（あなた）の名前とパスワードを決めてください。ほかの役員のアカウントは、開いた後に作れます。</source>
        <translation>This register ({0}) is not encrypted. To protect the personal information in the register, it will be encrypted before opening.
Please choose a name and password for the administrator (you). Accounts for the other officers can be created after opening.</translation>
    </message>
    <message>
        <source>暗号化して開く</source>
        <translation>Encrypt and open</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EndExemptionDialog</name>
    <message>
        <source>免除を終える</source>
        <translation>End exemption</translation>
    </message>
    <message>
        <source>{name}さんの免除（{reason}、{since}から）を終える日を入れてください。
この日まで免除し、次の日から当番に戻ります。</source>
        <translation>Enter the date on which {name}&apos;s exemption ({reason}, since {since}) ends.
They stay exempt up to this date and return to duty from the next day.</translation>
    </message>
    <message>
        <source>終える日</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>日付を入力してください。</source>
        <translation>Please enter a date.</translation>
    </message>
    <message>
        <source>✓ {name}さんの免除を{date}で終えました。次の日から当番に戻ります。</source>
        <translation>✓ {name}&apos;s exemption ended on {date}. They return to duty from the next day.</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>出納簿に記帳</source>
        <translation>Enter in cash book</translation>
    </message>
    <message>
        <source>記帳する</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>記帳したものはあとから変えられません。まちがえたときは「取り消す」で取り消してから、正しく入れ直します。</source>
        <translation>Entries cannot be changed later. If you make a mistake, cancel it with “Cancel entry”, then enter it again correctly.</translation>
    </message>
    <message>
        <source>収入・支出</source>
        <translation>Income / expense</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>科目</source>
        <translation>Account item</translation>
    </message>
    <message>
        <source>金額（円）</source>
        <translation>Amount (yen)</translation>
    </message>
    <message>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>例: 12,000</source>
        <translation>e.g. 12,000</translation>
    </message>
    <message>
        <source>口座（出どころ・入れ先）</source>
        <translation>Account (from / to)</translation>
    </message>
    <message>
        <source>口座</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>振替先の口座</source>
        <translation>Transfer to account</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>例: 防犯灯の電気代（4〜6月）</source>
        <translation>e.g. Electricity for crime-prevention lights (Apr–Jun)</translation>
    </message>
    <message>
        <source>領収書番号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>なくても可</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>関係する行事</source>
        <translation>Related event</translation>
    </message>
    <message>
        <source>関係する補助金</source>
        <translation>Related subsidy</translation>
    </message>
    <message>
        <source>{title}（{program}・{year}）</source>
        <translation>{title} ({program}, {year})</translation>
    </message>
</context>
<context>
    <name>EquipmentDialog</name>
    <message>
        <source>資機材を登録</source>
        <translation>Register equipment</translation>
    </message>
    <message>
        <source>資機材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>例: 消火器（粉末10型）</source>
        <translation>e.g. Fire extinguisher (powder, size 10)</translation>
    </message>
    <message>
        <source>例: 防災倉庫（選ぶか入力）</source>
        <translation>e.g. Disaster supplies store (choose or type)</translation>
    </message>
    <message>
        <source>年だけでも可（例: 令和3年、2021、2021/6/1）</source>
        <translation>Year alone is fine (e.g. 令和3年, 2021, 2021/6/1)</translation>
    </message>
    <message>
        <source>例: 市 自主防災組織資機材整備補助</source>
        <translation>e.g. City subsidy for voluntary disaster prevention equipment</translation>
    </message>
    <message>
        <source>最終点検</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>保管場所</source>
        <translation>Storage place</translation>
    </message>
    <message>
        <source>購入（年か日付）</source>
        <translation>Purchased (year or date)</translation>
    </message>
    <message>
        <source>補助金</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <source>最終点検日</source>
        <translation>Date of last inspection</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>この資機材は{0}に廃棄しました。変更はできません。</source>
        <translation>This equipment was disposed of on {0}. It cannot be changed.</translation>
    </message>
    <message>
        <source>保存する</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>閲覧のみです（行事を記録・変更する権限がありません）。</source>
        <translation>View only (you do not have permission to record or change events).</translation>
    </message>
    <message>
        <source>保存できなかった理由</source>
        <translation>Why it could not be saved</translation>
    </message>
    <message>
        <source>例: 町内一斉清掃</source>
        <translation>e.g. neighbourhood clean-up day</translation>
    </message>
    <message>
        <source>種類を追加…</source>
        <translation>Add type…</translation>
    </message>
    <message>
        <source>一覧にない種類（例: 新年会）を追加します</source>
        <translation>Adds a type that is not in the list (e.g. New Year party)</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>例: R8.6.7、令和8年6月7日</source>
        <translation>e.g. R8.6.7, 令和8年6月7日</translation>
    </message>
    <message>
        <source>開始時刻</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>終了時刻</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>（終了日: {date}）</source>
        <translation>(ends: {date})</translation>
    </message>
    <message>
        <source>例: 集会所</source>
        <translation>e.g. community hall</translation>
    </message>
    <message>
        <source>主催の協力団体</source>
        <translation>Organising partner organisation</translation>
    </message>
    <message>
        <source>（協力団体が登録されていません）</source>
        <translation>(no partner organisations registered)</translation>
    </message>
    <message>
        <source>（団体を選んでください）</source>
        <translation>(please choose an organisation)</translation>
    </message>
    <message>
        <source>（休止）</source>
        <translation>(inactive)</translation>
    </message>
    <message>
        <source>例: 12,000</source>
        <translation>e.g. 12,000</translation>
    </message>
    <message>
        <source>協力団体</source>
        <translation>Partner organisations</translation>
    </message>
    <message>
        <source>一緒に行った団体に印を付けてください（スペースキーでも付けられます）</source>
        <translation>Tick the organisations that took part (you can also use the Space key)</translation>
    </message>
    <message>
        <source>{name}（{kind}）</source>
        <translation>{name} ({kind})</translation>
    </message>
    <message>
        <source>協力団体はまだ登録されていません（「協力団体」のタブで登録できます）。</source>
        <translation>No partner organisations are registered yet (you can register them on the “Partner organisations” tab).</translation>
    </message>
    <message>
        <source>例: 町内の側溝と公園を清掃します。軍手・ごみ袋は町会で用意します。</source>
        <translation>e.g. We will clean the gutters and the park. The association will provide work gloves and rubbish bags.</translation>
    </message>
    <message>
        <source>例: ごみ袋40袋。雨具の用意が次回の課題。</source>
        <translation>e.g. 40 bags of rubbish. Next time: prepare rain gear.</translation>
    </message>
    <message>
        <source>円</source>
        <translation>yen</translation>
    </message>
    <message>
        <source>（空欄でも可）</source>
        <translation>(may be left blank)</translation>
    </message>
    <message>
        <source>参加者は、行事を保存してから記録できます。</source>
        <translation>Participants can be recorded after the event is saved.</translation>
    </message>
    <message>
        <source>行事を保存して、参加者の記録へ進む</source>
        <translation>Save the event and go on to record participants</translation>
    </message>
    <message>
        <source>行事の内容</source>
        <translation>Event details</translation>
    </message>
    <message>
        <source>参加者</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>行事の内容と参加者の切り替え</source>
        <translation>Switch between event details and participants</translation>
    </message>
    <message>
        <source>保存して閉じる</source>
        <translation>Save and close</translation>
    </message>
    <message>
        <source>行事の内容を保存して閉じます</source>
        <translation>Saves the event details and closes</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>参加者はありません。</source>
        <translation>No participants.</translation>
    </message>
    <message>
        <source>新しい行事</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>行事の登録</source>
        <translation>Register event</translation>
    </message>
    <message>
        <source>行事</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>参加者（{n}人）</source>
        <translation>Participants ({n})</translation>
    </message>
    <message>
        <source>参加者の記録は、変えるとすぐに保存されます。</source>
        <translation>Changes to participants are saved immediately.</translation>
    </message>
    <message>
        <source>行事の日付を入力してください。</source>
        <translation>Please enter the date of the event.</translation>
    </message>
    <message>
        <source>時刻として読めません: 「{text}」（例: 9:00、13時30分、午後1時半）</source>
        <translation>Cannot read “{text}” as a time (e.g. 9:00, 13:30, 午後1時半)</translation>
    </message>
    <message>
        <source>時刻として読めません: 「{text}」（例: 11:00、15時）</source>
        <translation>Cannot read “{text}” as a time (e.g. 11:00, 15:00)</translation>
    </message>
    <message>
        <source>✓ 行事「{title}」を登録しました。</source>
        <translation>✓ Registered the event “{title}”.</translation>
    </message>
    <message>
        <source>✓ 行事「{title}」を保存しました。</source>
        <translation>✓ Saved the event “{title}”.</translation>
    </message>
    <message>
        <source>⚠ 保存できませんでした（何も保存されていません）。
{text}</source>
        <translation>⚠ Could not save (nothing was saved).
{text}</translation>
    </message>
    <message>
        <source>種類を追加</source>
        <translation>Add type</translation>
    </message>
    <message>
        <source>新しい行事の種類（例: 新年会）:</source>
        <translation>New event type (e.g. New Year party):</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>{n}人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>主催: 協力団体「{name}」</source>
        <translation>Organised by: partner organisation &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>当日参加した人（出席を記録していない人も含む）と、人数だけ記録した人の合計</source>
        <translation>Total of people who took part on the day (including those whose attendance was not recorded) and people recorded only as a headcount</translation>
    </message>
    <message>
        <source>役割が「運営」「講師」の人</source>
        <translation>People whose role is &quot;Organiser&quot; or &quot;Instructor&quot;</translation>
    </message>
    <message>
        <source>中止になった行事</source>
        <translation>Cancelled event</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>どの年度の行事を表示するか</source>
        <translation>Which fiscal year&apos;s events to show</translation>
    </message>
    <message>
        <source>種類で絞り込み</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <source>状態で絞り込み</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>行事名・場所・内容で検索</source>
        <translation>Search by event name, place or details</translation>
    </message>
    <message>
        <source>行事の検索</source>
        <translation>Search events</translation>
    </message>
    <message>
        <source>年度:</source>
        <translation>Fiscal year:</translation>
    </message>
    <message>
        <source>種類:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>状態:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>検索:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <source>行事の一覧</source>
        <translation>List of events</translation>
    </message>
    <message>
        <source>行事がありません</source>
        <translation>No events</translation>
    </message>
    <message>
        <source>閲覧のみ: 行事を記録・変更する権限がありません（役員・管理者が記録できます）。</source>
        <translation>View only: you do not have permission to record or change events (officers and administrators can).</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>新しい行事…</source>
        <translation>New event…</translation>
    </message>
    <message>
        <source>新しい行事を登録します（Ctrl+N）</source>
        <translation>Register a new event (Ctrl+N)</translation>
    </message>
    <message>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>選んだ行事の内容と参加者を見る・変える（ダブルクリックでも開きます）</source>
        <translation>View or change the details and participants of the selected event (you can also double-click it)</translation>
    </message>
    <message>
        <source>来年度に写す</source>
        <translation>Copy to next fiscal year</translation>
    </message>
    <message>
        <source>選んだ行事を1年後の同じ日に「予定」として写します（参加者は写しません）</source>
        <translation>Copy the selected events to the same date one year later as “Planned” (participants are not copied)</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>間違えて登録した行事を削除します（参加の記録がある行事は削除できません）</source>
        <translation>Delete an event registered by mistake (events with attendance records cannot be deleted)</translation>
    </message>
    <message>
        <source>受付名簿・出欠表…</source>
        <translation>Reception list / attendance sheet…</translation>
    </message>
    <message>
        <source>選んだ行事の受付名簿や、班ごとの出欠表を印刷します</source>
        <translation>Print the reception list for the selected event, or an attendance sheet for each block</translation>
    </message>
    <message>
        <source>出欠を取り込む…</source>
        <translation>Import attendance…</translation>
    </message>
    <message>
        <source>班長が記入した出欠表（Excel・CSV）を読み込んで、出欠を記録します</source>
        <translation>Read attendance sheets filled in by block leaders (Excel or CSV) and record the attendance</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>（今年度）</source>
        <extracomment>the widest usual content of each column; 行事名 (None) takes the rest</extracomment>
        <translation>(this fiscal year)</translation>
    </message>
    <message>
        <source>{label}: {n}件の行事・参加者 延べ{total}人</source>
        <translation>{label}: {n} events, {total} participants in total</translation>
    </message>
    <message>
        <source>{label}: 0件</source>
        <translation>{label}: 0 events</translation>
    </message>
    <message>
        <source>条件に合う行事はありません。
検索の言葉や「種類」「状態」を変えてみてください。</source>
        <translation>No events match.
Try changing the search words, “Type” or “Status”.</translation>
    </message>
    <message>
        <source>{label}の行事はまだありません。
下の「新しい行事…」を押すと登録できます。
前の年度の行事を選んで「来年度に写す」を押すと、同じ行事をまとめて用意できます。</source>
        <translation>There are no events for {label} yet.
Press “New event…” below to register one.
If you select events from the previous fiscal year and press “Copy to next fiscal year”, you can prepare the same events all at once.</translation>
    </message>
    <message>
        <source>{label}の行事はまだ記録されていません。</source>
        <translation>No events have been recorded for {label} yet.</translation>
    </message>
    <message>
        <source>来年度に写す（{n}件）</source>
        <translation>Copy to next fiscal year ({n})</translation>
    </message>
    <message>
        <source>⚠ 一覧から行事を1つ選んでください。</source>
        <translation>⚠ Please select one event in the list.</translation>
    </message>
    <message>
        <source>出欠表を選ぶ</source>
        <translation>Choose attendance sheet</translation>
    </message>
    <message>
        <source>Excel・CSV (*.xlsx *.xlsm *.xls *.ods *.csv);;すべてのファイル (*)</source>
        <translation>Excel / CSV (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>
ほか{n}件</source>
        <translation>
and {n} more</translation>
    </message>
    <message>
        <source>⚠ 「{source}」は取り込めません（台帳は変わっていません）。
{problems}</source>
        <translation>⚠ “{source}” cannot be imported (the register has not been changed).
{problems}</translation>
    </message>
    <message>
        <source>出欠が1つもありません。</source>
        <translation>There are no attendance replies.</translation>
    </message>
    <message>
        <source>行事「{event}」に、出席{yes}人・欠席{no}人・未定{undecided}人の出欠を記録します。</source>
        <translation>Record attendance for the event “{event}”: attending {yes}, not attending {no}, undecided {undecided}.</translation>
    </message>
    <message>
        <source>
参加の記録に同意のない{n}人の出欠は記録しません。</source>
        <translation>
Attendance will not be recorded for {n} people who have not agreed to having their participation recorded.</translation>
    </message>
    <message>
        <source>出欠の取り込み</source>
        <translation>Import attendance</translation>
    </message>
    <message>
        <source>出欠を記録しました: 出席{yes}人・欠席{no}人・未定{undecided}人</source>
        <translation>Attendance recorded: attending {yes}, not attending {no}, undecided {undecided}</translation>
    </message>
    <message>
        <source>⚠ 一覧から行事を選んでください。</source>
        <translation>⚠ Please select an event in the list.</translation>
    </message>
    <message>
        <source>行事</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>
何も写していません。</source>
        <translation>
Nothing was copied.</translation>
    </message>
    <message>
        <source>✓ {n}件の行事を1年後の同じ日に「予定」として写しました（{year}で見られます）。</source>
        <translation>✓ Copied {n} events to the same date one year later as “Planned” (you can see them under {year}).</translation>
    </message>
    <message>
        <source>来年度</source>
        <translation>next fiscal year</translation>
    </message>
    <message>
        <source>{n}件はすでに来年度に写してあるため、写しませんでした。</source>
        <translation>{n} were not copied because they had already been copied to the next fiscal year.</translation>
    </message>
    <message>
        <source>「{title}」</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <source>{n}件の行事（{titles}）</source>
        <translation>{n} events ({titles})</translation>
    </message>
    <message>
        <source>行事の削除</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <source>{what}を削除しますか？
削除すると元に戻せません。</source>
        <translation>Delete {what}?
This cannot be undone.</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{n}件を削除しました。

</source>
        <translation>Deleted {n}.

</translation>
    </message>
    <message>
        <source>削除できない行事があります</source>
        <translation>Some events cannot be deleted</translation>
    </message>
    <message>
        <source>✓ {n}件の行事を削除しました。</source>
        <translation>✓ Deleted {n} events.</translation>
    </message>
</context>
<context>
    <name>ExemptionDialog</name>
    <message>
        <source>免除を記録</source>
        <translation>Record an exemption</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>いつから</source>
        <translation>From</translation>
    </message>
    <message>
        <source>終わりの日を決める</source>
        <translation>Set an end date</translation>
    </message>
    <message>
        <source>いつまで</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>ほかの当番表でも免除する</source>
        <translation>Also exempt from other duty rosters</translation>
    </message>
    <message>
        <source>チェックすると、すべての当番表（{unit}ごとのもの）でこの{unit}を免除します</source>
        <translation>When ticked, this {unit} is exempted from all duty rosters (those organised by {unit})</translation>
    </message>
    <message>
        <source>例: 入院のため。退院したら知らせてもらう</source>
        <translation>e.g. In hospital. Will let us know when discharged</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>範囲</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>免除する{unit}</source>
        <translation>{unit} to exempt</translation>
    </message>
    <message>
        <source>免除した{unit}は当番を飛ばします（名簿からは消えません）。明日以降の当番は、すぐに決め直します。期間が終わると、また当番に戻ります。</source>
        <translation>An exempted {unit} is skipped for duty (but stays in the register). Duties from tomorrow on are reassigned at once. When the period ends, they return to the duty rotation.</translation>
    </message>
    <message>
        <source>記録する</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>免除を記録（{name}）</source>
        <translation>Record an exemption ({name})</translation>
    </message>
    <message>
        <source>免除する{unit}を一覧で選んでください。</source>
        <translation>Please choose the {unit} to exempt from the list.</translation>
    </message>
    <message>
        <source>免除を始める日を入力してください。</source>
        <translation>Please enter the date the exemption starts.</translation>
    </message>
    <message>
        <source>終わりの日を入力するか、「終わりの日を決める」を外してください。</source>
        <translation>Please enter an end date, or untick “Set an end date”.</translation>
    </message>
    <message>
        <source>✓ {name}さんを免除しました（{reason}）。明日以降の当番は、この方を飛ばして決め直しました。</source>
        <translation>✓ {name} is now exempt ({reason}). Duties from tomorrow on were reassigned, skipping this person.</translation>
    </message>
</context>
<context>
    <name>ExemptionsModel</name>
    <message>
        <source>{reason}（すべての当番表）</source>
        <translation>{reason} (all duty rosters)</translation>
    </message>
    <message>
        <source>（終わりは決めていない）</source>
        <translation>(no end date set)</translation>
    </message>
    <message>
        <source>終わった免除です</source>
        <translation>This exemption has ended</translation>
    </message>
    <message>
        <source>これから始まる免除です</source>
        <translation>This exemption has not started yet</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>名簿を書き出す</source>
        <translation>Export member list</translation>
    </message>
    <message>
        <source>目的を選んでください。役員の内部利用以外では、その目的に同意した人だけが載ります。</source>
        <translation>Please choose the purpose. Except for the officers&apos; internal use, only people who agreed to that purpose are included.</translation>
    </message>
    <message>
        <source>回覧順（班ごと）</source>
        <translation>Circulation order (by block)</translation>
    </message>
    <message>
        <source>五十音順</source>
        <translation>Japanese syllabary order (aiueo)</translation>
    </message>
    <message>
        <source>Excel（印刷向け）</source>
        <translation>Excel (for printing)</translation>
    </message>
    <message>
        <source>CSV（UTF-8）</source>
        <translation>CSV (UTF-8)</translation>
    </message>
    <message>
        <source>CSV（Shift_JIS、古いソフト向け）</source>
        <translation>CSV (Shift_JIS, for older software)</translation>
    </message>
    <message>
        <source>班ごとにシートを分ける</source>
        <translation>One sheet per block</translation>
    </message>
    <message>
        <source>日付を西暦で書く</source>
        <translation>Write dates in the Western calendar</translation>
    </message>
    <message>
        <source>あとで取り込み直せるよう、協働デスクIDの列をつける</source>
        <translation>Add a Kyodo Desktop ID column so the file can be imported again later</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>並び順</source>
        <translation>Sort order</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>載せる列</source>
        <translation>Columns to include</translation>
    </message>
    <message>
        <source>保存先を選んで書き出す…</source>
        <translation>Choose where to save and export…</translation>
    </message>
    <message>
        <source>書き出し先</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>名簿{0}</source>
        <translation>MemberList{0}</translation>
    </message>
    <message>
        <source>（同意のない {0}人は載せていません）</source>
        <translation> ({0} people without consent were not included)</translation>
    </message>
    <message>
        <source>書き出しました: {0}（{1}世帯・{2}人）{3}</source>
        <translation>Exported: {0} ({1} households, {2} people){3}</translation>
    </message>
</context>
<context>
    <name>FormMappingDialog</name>
    <message>
        <source>市の様式を登録</source>
        <translation>Register a city form</translation>
    </message>
    <message>
        <source>様式「{name}」の見出しから、項目を書き込むセルを推測しました。シートとセル（例: C6）を確かめて、違うところは直してください。使わない項目はシートを「{unused}」にします。直したら「確かめる」を押してください。問題がなければ「保存」できます。</source>
        <translation>From the headings in the form &quot;{name}&quot;, the program has guessed which cell each item should be written into. Check the sheet and cell (e.g. C6) and correct any that are wrong. For items you do not use, set the sheet to &quot;{unused}&quot;. After correcting, press &quot;Check&quot;. If there are no problems, you can &quot;Save&quot;.</translation>
    </message>
    <message>
        <source>項目とセル</source>
        <translation>Items and cells</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>セル</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>見出し</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>様式の今の中身</source>
        <translation>Current content of the form</translation>
    </message>
    <message>
        <source>（必須）</source>
        <translation>(required)</translation>
    </message>
    <message>
        <source>{label}のシート</source>
        <translation>Sheet for {label}</translation>
    </message>
    <message>
        <source>{label}のセル</source>
        <translation>Cell for {label}</translation>
    </message>
    <message>
        <source>例: C6</source>
        <translation>e.g. C6</translation>
    </message>
    <message>
        <source>{found}（{cell}）</source>
        <translation>{found} ({cell})</translation>
    </message>
    <message>
        <source>{label}のセルの今の中身</source>
        <translation>Current content of the cell for {label}</translation>
    </message>
    <message>
        <source>表（1行目の位置と行数）</source>
        <translation>Tables (first row position and number of rows)</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>1行目</source>
        <translation>First row</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>表「{label}」のシート</source>
        <translation>Sheet for table &quot;{label}&quot;</translation>
    </message>
    <message>
        <source>表「{label}」の1行目</source>
        <translation>First row of table &quot;{label}&quot;</translation>
    </message>
    <message>
        <source>表「{label}」の行数</source>
        <translation>Number of rows of table &quot;{label}&quot;</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{name} {letter}列</source>
        <translation>{name}: column {letter}</translation>
    </message>
    <message>
        <source>（見出しが見つかりません）</source>
        <translation>(heading not found)</translation>
    </message>
    <message>
        <source>様式に表の見出し（例: 事業名・参加者数）が見つからないため、この表は書き込みません。</source>
        <translation>No table headings (e.g. 事業名, 参加者数) were found in the form, so this table will not be filled in.</translation>
    </message>
    <message>
        <source>表「{label}」</source>
        <translation>Table &quot;{label}&quot;</translation>
    </message>
    <message>
        <source>様式の名前</source>
        <translation>Form name</translation>
    </message>
    <message>
        <source>例: 金沢市 町会実態報告書</source>
        <translation>e.g. 金沢市 町会実態報告書</translation>
    </message>
    <message>
        <source>確かめる</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>確かめた結果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>「{label}」のセルが空です。セル（例: C6）を入れるか、シートを「{unused}」にしてください。</source>
        <translation>The cell for &quot;{label}&quot; is empty. Enter a cell (e.g. C6) or set the sheet to &quot;{unused}&quot;.</translation>
    </message>
    <message>
        <source>「{label}」のセル「{cell}」が読めません（例: C6）。</source>
        <translation>The cell &quot;{cell}&quot; for &quot;{label}&quot; is not a valid cell (e.g. C6).</translation>
    </message>
    <message>
        <source>直したところがあります。もう一度「確かめる」を押してください。</source>
        <translation>You have made changes. Please press &quot;Check&quot; again.</translation>
    </message>
    <message>
        <source>台帳が開かれていません。</source>
        <translation>No register is open.</translation>
    </message>
    <message>
        <source>台帳を読み取り専用で開いているため、登録できません。</source>
        <translation>The register is open read-only, so forms cannot be registered.</translation>
    </message>
    <message>
        <source>「{name}」さん（{role}）には様式を登録する権限がありません。</source>
        <translation>{name} ({role}) does not have permission to register forms.</translation>
    </message>
    <message>
        <source>先に「確かめる」を押してください。</source>
        <translation>Please press &quot;Check&quot; first.</translation>
    </message>
    <message>
        <source>直すところがあります（上の ⚠ の行）。</source>
        <translation>Some things need correcting (the ⚠ lines above).</translation>
    </message>
    <message>
        <source>使えません: {reason}</source>
        <translation>Not available: {reason}</translation>
    </message>
    <message>
        <source>この対応で様式を登録します</source>
        <translation>Register the form with these settings</translation>
    </message>
    <message>
        <source>⚠ 直すところがあります（このままでは保存できません）:</source>
        <translation>⚠ Some things need correcting (it cannot be saved as it is):</translation>
    </message>
    <message>
        <source>問題はありません（項目 {fields}・表 {tables}）。「保存」で登録できます。</source>
        <translation>No problems ({fields} items, {tables} tables). Press &quot;Save&quot; to register.</translation>
    </message>
    <message>
        <source>お知らせ:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>&#x3000;・{note}</source>
        <translation>  ・{note}</translation>
    </message>
    <message>
        <source>⚠ {exc}
（登録していません。直してからもう一度「保存」を押してください。）</source>
        <translation>⚠ {exc}
(Not registered. Please correct it and press &quot;Save&quot; again.)</translation>
    </message>
</context>
<context>
    <name>HanchoReturnDialog</name>
    <message>
        <source>班長用シートの取り込み — {0}</source>
        <translation>Import block leader sheet — {0}</translation>
    </message>
    <message>
        <source>班長が直したところです。「名簿のいま」が「書き出したとき」と違う行は、書き出した後に名簿でも変更されたものです（食い違い: {0}件）。取り込むものにチェックをつけてください。</source>
        <translation>These are the changes made by the block leader. Rows where “Register now” differs from “When exported” were also changed in the register after the sheet was exported (conflicts: {0}). Please tick the ones to import.</translation>
    </message>
    <message>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>書き出したとき</source>
        <translation>When exported</translation>
    </message>
    <message>
        <source>班長の記入</source>
        <translation>Block leader&apos;s entry</translation>
    </message>
    <message>
        <source>名簿のいま</source>
        <translation>Register now</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>&#x3000;⚠ 食い違い</source>
        <translation>  ⚠ Conflict</translation>
    </message>
    <message>
        <source>新しく書き足された人: {0}人（取り込むと新しい世帯になります）</source>
        <translation>Newly added people: {0} (importing them creates new households)</translation>
    </message>
    <message>
        <source>退会・転出の確認（名簿からは消しません。世帯の編集で記録してください）</source>
        <translation>Check withdrawals / moves (they are not removed from the register; please record them by editing the household)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>チェックしたものを取り込む</source>
        <translation>Import ticked items</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <source>年度替わり・引継ぎ</source>
        <translation>Fiscal year change and hand-over</translation>
    </message>
    <message>
        <source>いまの手順</source>
        <translation>Current step</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>新しい年度（西暦）</source>
        <translation>New fiscal year (Western calendar)</translation>
    </message>
    <message>
        <source>年度と会計</source>
        <translation>Fiscal year and accounts</translation>
    </message>
    <message>
        <source>新しい年度:</source>
        <translation>New fiscal year:</translation>
    </message>
    <message>
        <source>前の年度の帳簿を締めて、残高を繰り越す（監査が済んでいるとき）</source>
        <translation>Close the previous year&apos;s books and carry the balance forward (when the audit is done)</translation>
    </message>
    <message>
        <source>新しい年度の会費を加入世帯に割り当てる</source>
        <translation>Assign the new year&apos;s dues to member households</translation>
    </message>
    <message>
        <source>{0}（前の年度: {1}）</source>
        <translation>{0} (previous year: {1})</translation>
    </message>
    <message>
        <source>・{0}</source>
        <translation>• {0}</translation>
    </message>
    <message>
        <source>帳簿の残高 {0}</source>
        <translation>Book balance {0}</translation>
    </message>
    <message>
        <source>{0}の実際の残高</source>
        <translation>Actual balance of {0}</translation>
    </message>
    <message>
        <source>{0}の実際の残高（円）:</source>
        <translation>Actual balance of {0} (yen):</translation>
    </message>
    <message>
        <source>役員</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>前の年度と同じ人が入っています。替わる役職は選んで「人を変える」を押してください。</source>
        <translation>The same people as last year are filled in. For roles that change hands, select the role and press “Change person”.</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>新しい年度の役員</source>
        <translation>Officers for the new fiscal year</translation>
    </message>
    <message>
        <source>人を変える…</source>
        <translation>Change person…</translation>
    </message>
    <message>
        <source>この役職に人を選ぶ…</source>
        <translation>Choose a person for this role…</translation>
    </message>
    <message>
        <source>この役職を空ける</source>
        <translation>Leave this role empty</translation>
    </message>
    <message>
        <source>{0}を選ぶ</source>
        <translation>Choose {0}</translation>
    </message>
    <message>
        <source>班長</source>
        <translation>Block leaders</translation>
    </message>
    <message>
        <source>班長の当番表があればそこから、なければ回覧順で次の世帯（75歳以上だけの世帯は飛ばす）を入れてあります。</source>
        <translation>Filled in from the block leader duty roster if there is one; otherwise the next household in circulation order (skipping households where everyone is 75 or older).</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>今の班長</source>
        <translation>Current block leader</translation>
    </message>
    <message>
        <source>新しい班長</source>
        <translation>New block leader</translation>
    </message>
    <message>
        <source>決め方</source>
        <translation>How chosen</translation>
    </message>
    <message>
        <source>班長の交代</source>
        <translation>Block leader change</translation>
    </message>
    <message>
        <source>班長を選ぶ…</source>
        <translation>Choose block leader…</translation>
    </message>
    <message>
        <source>今の班長のまま</source>
        <translation>Keep current block leader</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{0}の班長を選ぶ</source>
        <translation>Choose the block leader for {0}</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>「実行する」を押すと、次のことをまとめて行います（途中で失敗したときは何も変わりません）。</source>
        <translation>When you press “Run”, the following is done all at once (if anything fails along the way, nothing is changed).</translation>
    </message>
    <message>
        <source>行うこと</source>
        <translation>To be done</translation>
    </message>
    <message>
        <source>直すこと</source>
        <translation>To fix</translation>
    </message>
    <message>
        <source>実行する</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>引継ぎの書類</source>
        <translation>Hand-over documents</translation>
    </message>
    <message>
        <source>新しい役員に渡すものを、フォルダー（USBメモリなど）に作ります: 台帳のコピー（暗号化済み・開くにはパスワードが必要）、引継ぎチェックリスト（PDF）、希望すれば新しい復旧シート。</source>
        <translation>Creates the items to give to the new officers in a folder (on a USB stick, for example): a copy of the register (encrypted; a password is needed to open it), a hand-over checklist (PDF), and a new recovery sheet if you wish.</translation>
    </message>
    <message>
        <source>保存先のフォルダー</source>
        <translation>Folder to save to</translation>
    </message>
    <message>
        <source>選ぶ…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>保存先:</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>復旧コードを新しくして、復旧シートを作る（前の復旧シートは使えなくなります）</source>
        <translation>Renew the recovery code and create a recovery sheet (the old recovery sheet will no longer work)</translation>
    </message>
    <message>
        <source>書類を作る</source>
        <translation>Create documents</translation>
    </message>
    <message>
        <source>引継ぎの書類の保存先</source>
        <translation>Save hand-over documents to</translation>
    </message>
    <message>
        <source>実際の残高</source>
        <translation>Actual balance</translation>
    </message>
    <message>
        <source>「{0}」の実際の残高を数字で入れてください（例: 12000）。</source>
        <translation>Please enter the actual balance of “{0}” as a number (e.g. 12000).</translation>
    </message>
    <message>
        <source>⚠ 直すこと:
</source>
        <translation>⚠ Please fix:
</translation>
    </message>
    <message>
        <source>年度替わり</source>
        <translation>Fiscal year change</translation>
    </message>
    <message>
        <source>{0}項目の変更をまとめて行います。よろしいですか？
（行う前に自動でバックアップを作ります）</source>
        <translation>This will make {0} changes at once. Continue?
(A backup is made automatically first.)</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>⚠ {0}
何も変えていません。</source>
        <translation>⚠ {0}
Nothing has been changed.</translation>
    </message>
    <message>
        <source>✓ {0}への年度替わりを行いました（{1}項目）。「次へ」で引継ぎの書類を作れます。</source>
        <translation>✓ Changed over to {0} ({1} items). Press “Next” to create the hand-over documents.</translation>
    </message>
    <message>
        <source>⚠ 保存先のフォルダーを選んでください。</source>
        <translation>⚠ Please choose a folder to save to.</translation>
    </message>
    <message>
        <source>✓ 作りました:
</source>
        <translation>✓ Created:
</translation>
    </message>
    <message>
        <source>
チェックリストを印刷して、新しい役員と一緒に確かめてください。</source>
        <translation>
Please print the checklist and go through it together with the new officers.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>ヘルプ — {0}</source>
        <translation>Help — {0}</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>安否確認</source>
        <translation>Safety check</translation>
    </message>
    <message>
        <source>災害や訓練のとき、一人ずつ無事かどうかを記録する画面を開きます</source>
        <translation>Open the screen for recording, person by person, whether everyone is safe during a disaster or drill</translation>
    </message>
    <message>
        <source>補助金の期限</source>
        <translation>Subsidy deadlines</translation>
    </message>
    <message>
        <source>世帯数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>加入世帯</source>
        <translation>Member households</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>65歳以上</source>
        <translation>Aged 65+</translation>
    </message>
    <message>
        <source>75歳以上</source>
        <translation>Aged 75+</translation>
    </message>
    <message>
        <source>&lt;b&gt;班ごとの世帯数&lt;/b&gt;</source>
        <translation>&lt;b&gt;Households by block&lt;/b&gt;</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>&lt;b&gt;最近の変更&lt;/b&gt;</source>
        <translation>&lt;b&gt;Recent changes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>（{district}）</source>
        <translation> ({district})</translation>
    </message>
    <message>
        <source>{date} 現在</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <source>期限切れ（{n}日過ぎ）</source>
        <translation>Overdue ({n} days late)</translation>
    </message>
    <message>
        <source>今日まで</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>あと{n}日</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>⚠ 補助金「{title}」の{step}: {date}まで（{when}）</source>
        <translation>⚠ Subsidy &quot;{title}&quot;, {step}: by {date} ({when})</translation>
    </message>
    <message>
        <source>ほか{n}件（「会計・報告」→「補助金」）</source>
        <translation>{n} more (&quot;Accounts &amp; reports&quot; → &quot;Subsidies&quot;)</translation>
    </message>
    <message>
        <source>（{actor}）</source>
        <translation> ({actor})</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <source>世帯の追加</source>
        <translation>Add household</translation>
    </message>
    <message>
        <source>世帯の編集 — {name}</source>
        <translation>Edit household — {name}</translation>
    </message>
    <message>
        <source>世帯の編集</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <source>直すところの一覧</source>
        <translation>List of things to fix</translation>
    </message>
    <message>
        <source>ダブルクリックするか Enter で、その項目へ移ります</source>
        <translation>Double-click or press Enter to go to that item</translation>
    </message>
    <message>
        <source>（班を選んでください）</source>
        <translation>(Please choose a block)</translation>
    </message>
    <message>
        <source>（番号{id}の班）</source>
        <translation>(block no. {id})</translation>
    </message>
    <message>
        <source>例: 920-0918</source>
        <translation>e.g. 920-0918</translation>
    </message>
    <message>
        <source>住所を検索</source>
        <translation>Find address</translation>
    </message>
    <message>
        <source>郵便番号から町名を入れます</source>
        <translation>Fills in the town name from the postal code</translation>
    </message>
    <message>
        <source>例: 石川県金沢市尾山町</source>
        <translation>e.g. 石川県金沢市尾山町</translation>
    </message>
    <message>
        <source>例: 1番1号、12-3</source>
        <translation>e.g. 1番1号, 12-3</translation>
    </message>
    <message>
        <source>例: 尾山ハイツ 203号室</source>
        <translation>e.g. 尾山ハイツ 203号室</translation>
    </message>
    <message>
        <source>住居の種類</source>
        <translation>Type of home</translation>
    </message>
    <message>
        <source>例: 076-123-4567（市外局番は省略できます）</source>
        <translation>e.g. 076-123-4567 (the area code can be left out)</translation>
    </message>
    <message>
        <source>会員区分</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>会費区分</source>
        <translation>Dues category</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>（{d}から）</source>
        <translation>(since {d})</translation>
    </message>
    <message>
        <source>状態の日付</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>例: 市外へ転居</source>
        <translation>e.g. Moved outside the city</translation>
    </message>
    <message>
        <source>健康・病気などの情報はここに書かないでください</source>
        <translation>Please do not write health or illness information here</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>郵便番号</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>町名</source>
        <translation>Town name</translation>
    </message>
    <message>
        <source>番地</source>
        <translation>Street number</translation>
    </message>
    <message>
        <source>建物名・部屋番号</source>
        <translation>Building / room no.</translation>
    </message>
    <message>
        <source>電話（固定）</source>
        <translation>Phone (landline)</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>世帯の情報</source>
        <translation>Household details</translation>
    </message>
    <message>
        <source>世帯員の一覧</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>人を追加</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>編集</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>世帯主にする</source>
        <translation>Make head of household</translation>
    </message>
    <message>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>選んだ人を一つ上へ</source>
        <translation>Move the selected person up one place</translation>
    </message>
    <message>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>選んだ人を一つ下へ</source>
        <translation>Move the selected person down one place</translation>
    </message>
    <message>
        <source>転出・死亡を記録</source>
        <translation>Record moving out / death</translation>
    </message>
    <message>
        <source>別の世帯へ移す</source>
        <translation>Move to another household</translation>
    </message>
    <message>
        <source>結婚・独立などで、この人を別の世帯の世帯員にします</source>
        <translation>Makes this person a member of another household, e.g. after marriage or moving out on their own</translation>
    </message>
    <message>
        <source>同意・要配慮情報…</source>
        <translation>Consent / sensitive information…</translation>
    </message>
    <message>
        <source>名簿配布・回覧などへの同意と、要配慮個人情報（すぐに保存されます）</source>
        <translation>Consent to register distribution, circulars, etc., and sensitive personal information (saved at once)</translation>
    </message>
    <message>
        <source>世帯員（家族）</source>
        <translation>Household members (family)</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>最後の変更を取り消します（Ctrl+Z）</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>町名を入力してください</source>
        <translation>Please enter the town name</translation>
    </message>
    <message>
        <source>この郵便番号は「{name}」（事業所）専用の番号です。</source>
        <translation>This postal code belongs only to “{name}” (a business).</translation>
    </message>
    <message>
        <source>住所を入れました。続けて番地を入力してください。</source>
        <translation>The address was filled in. Please go on to enter the street number.</translation>
    </message>
    <message>
        <source>世帯主を「{name}」さんにしました。ほかの人の続柄も必要なら「編集」で直してください。</source>
        <translation>{name} is now the head of household. If needed, correct the other members&apos; relationships with “Edit”.</translation>
    </message>
    <message>
        <source>先に「保存」を押して、この世帯の変更を保存してください。</source>
        <translation>Please press “Save” first to save the changes to this household.</translation>
    </message>
    <message>
        <source>
何も変更されていません。</source>
        <translation>
Nothing has been changed.</translation>
    </message>
    <message>
        <source>世帯主が{status}になりました。新しい世帯主を選んで「世帯主にする」を押してください。</source>
        <translation>The head of household is now {status}. Please choose a new head of household and press “Make head of household”.</translation>
    </message>
    <message>
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>{message}

入力した内容は残っています。</source>
        <translation>{message}

What you entered is still there.</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{n}人目</source>
        <translation>Person {n}</translation>
    </message>
    <message>
        <source>{who}に直すところがあります。選んで「編集」を押してください。</source>
        <translation>Something needs fixing for {who}. Select them and press “Edit”.</translation>
    </message>
    <message>
        <source>⚠ 保存できませんでした。次の{n}か所を直してください（何も保存されていません）。</source>
        <translation>⚠ Could not save. Please fix the following {n} items (nothing has been saved).</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>移す先の世帯を選ぶ</source>
        <translation>Choose the household to move to</translation>
    </message>
    <message>
        <source>移す先の世帯を、名前かフリガナで探して選んでください。</source>
        <translation>Find and choose the household to move to by name or furigana.</translation>
    </message>
    <message>
        <source>名前・フリガナで検索</source>
        <translation>Search by name or furigana</translation>
    </message>
    <message>
        <source>世帯の検索</source>
        <translation>Search households</translation>
    </message>
    <message>
        <source>世帯の候補</source>
        <translation>Matching households</translation>
    </message>
    <message>
        <source>この世帯へ移す</source>
        <translation>Move to this household</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{block}&#x3000;{name}（{kana}）&#x3000;{address}</source>
        <translation>{block}  {name} ({kana})  {address}</translation>
    </message>
    <message>
        <source>ほかに {0} 世帯あります。名前を入力して絞り込んでください。</source>
        <translation>There are {0} more households. Please type a name to narrow the list.</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>（世帯主未設定）</source>
        <translation>(no head of household set)</translation>
    </message>
    <message>
        <source>状態: {0}</source>
        <translation>Status: {0}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Excel・CSVの名簿を取り込む</source>
        <translation>Import a member list from Excel or CSV</translation>
    </message>
    <message>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>いままでExcelなどで作ってきた名簿を取り込みます。班ごとのシート、表の上の題名、合計の行などはそのままで大丈夫です。取り込む前に、何が追加・変更されるかを確かめられます。</source>
        <translation>Import the member list you have been keeping in Excel or a similar program. Separate sheets for each block, titles above the table, total rows and so on are fine as they are. Before importing, you can check what will be added or changed.</translation>
    </message>
    <message>
        <source>ファイルを選ぶ…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>（まだ選んでいません）</source>
        <translation>(not chosen yet)</translation>
    </message>
    <message>
        <source>列の設定</source>
        <translation>Column settings</translation>
    </message>
    <message>
        <source>見出しから自動で判断する</source>
        <translation>Detect automatically from the headings</translation>
    </message>
    <message>
        <source>保存した設定: {0}</source>
        <translation>Saved settings: {0}</translation>
    </message>
    <message>
        <source>見出しごとに、名簿のどの項目として取り込むかを確かめてください。違っていたら選び直します。</source>
        <translation>For each heading, check which item of the member list it will be imported as. If it is wrong, choose again.</translation>
    </message>
    <message>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>見出し</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>1行目の値</source>
        <translation>Value in first row</translation>
    </message>
    <message>
        <source>取り込む項目</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>この設定を名前をつけて保存（次回用）</source>
        <translation>Save these settings under a name (for next time)</translation>
    </message>
    <message>
        <source>例: 令和7年度の名簿</source>
        <translation>e.g. 令和7年度の名簿</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>世帯主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>内容・注意（シート・行）</source>
        <translation>Details / notes (sheet, row)</translation>
    </message>
    <message>
        <source>読めなかった値・お知らせ</source>
        <translation>Unreadable values / notes</translation>
    </message>
    <message>
        <source>1. ファイルを選ぶ</source>
        <translation>1. Choose a file</translation>
    </message>
    <message>
        <source>2. 列を確かめる</source>
        <translation>2. Check the columns</translation>
    </message>
    <message>
        <source>3. 取り込む内容を確かめる</source>
        <translation>3. Check what will be imported</translation>
    </message>
    <message>
        <source>取り込む名簿</source>
        <translation>Member list to import</translation>
    </message>
    <message>
        <source>⚠ ファイルを選んでください。</source>
        <translation>⚠ Please choose a file.</translation>
    </message>
    <message>
        <source>表の見出し（氏名・住所・電話など）が見つかりません。</source>
        <translation>No table headings (name, address, phone, etc.) were found.</translation>
    </message>
    <message>
        <source>（見出しなし・{0}列目）</source>
        <translation>(no heading, column {0})</translation>
    </message>
    <message>
        <source>{0} の項目</source>
        <translation>Items of {0}</translation>
    </message>
    <message>
        <source>世帯員 {0}（{1}）</source>
        <translation>Household member {0} ({1})</translation>
    </message>
    <message>
        <source>設定「{0}」を保存しました。</source>
        <translation>Saved the settings &quot;{0}&quot;.</translation>
    </message>
    <message>
        <source>名簿を読んでいます…</source>
        <translation>Reading the member list…</translation>
    </message>
    <message>
        <source>新規 {0}世帯・変更 {1}・変更なし {2}・要確認 {3}。合計行など {4}行は取り込みません。</source>
        <translation>New: {0} households, changed: {1}, unchanged: {2}, to check: {3}. {4} rows such as total rows will not be imported.</translation>
    </message>
    <message>
        <source>
班の列がないため、シート名を班の名前にします: {0}</source>
        <translation>
There is no block column, so the sheet names will be used as block names: {0}</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>
⚠ 見つからない列: {0}（戻って選んでください）</source>
        <translation>
⚠ Columns not found: {0} (please go back and choose them)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>（{0} {1}行目）</source>
        <translation> ({0}, row {1})</translation>
    </message>
    <message>
        <source>⚠ 読めなかった値がある行は、直してから取り込むか、チェックを外してください。</source>
        <translation>⚠ Fix rows with unreadable values before importing, or untick them.</translation>
    </message>
    <message>
        <source>⚠ 取り込む世帯にチェックをつけてください。</source>
        <translation>⚠ Please tick the households to import.</translation>
    </message>
    <message>
        <source>⚠ 読めなかった値のある行が選ばれています。チェックを外すか、ファイルを直してください。</source>
        <translation>⚠ Rows with unreadable values are selected. Untick them or fix the file.</translation>
    </message>
    <message>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>{0}世帯を取り込みます。取り込む前に自動でバックアップを作ります。</source>
        <translation>{0} households will be imported. A backup is made automatically before importing.</translation>
    </message>
    <message>
        <source>取り込んでいます…（中止すると、何も取り込まれません）</source>
        <translation>Importing… (if you cancel, nothing will be imported)</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>地域課題を追加</source>
        <translation>Add local issue</translation>
    </message>
    <message>
        <source>地域課題</source>
        <translation>Local issue</translation>
    </message>
    <message>
        <source>例: 通学路の街路灯が暗い</source>
        <translation>e.g. 通学路の街路灯が暗い</translation>
    </message>
    <message>
        <source>（町会全体・班なし）</source>
        <translation>(whole association, no block)</translation>
    </message>
    <message>
        <source>（ほかの班）</source>
        <translation>(other block)</translation>
    </message>
    <message>
        <source>例: 泉野小学校の北側の交差点</source>
        <translation>e.g. 泉野小学校の北側の交差点</translation>
    </message>
    <message>
        <source>例: 3班 班長</source>
        <translation>e.g. 3班 班長</translation>
    </message>
    <message>
        <source>発見日</source>
        <translation>Date found</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>課題</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>分野</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>場所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>報告者</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>期限（なければ空欄）</source>
        <translation>Deadline (leave blank if none)</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>何が困っているか、いつから、だれが困っているか</source>
        <translation>What the problem is, since when, and who is affected</translation>
    </message>
    <message>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>マッチ箱と同じ段階です: 議論と調査 → 企画と試作中 → 運用中 → 休止・終了</source>
        <translation>The same stages as Matchbox (マッチ箱): Discussion &amp; research → Planning &amp; trial → In operation → Paused / ended</translation>
    </message>
    <message>
        <source>段階の説明</source>
        <translation>About the stages</translation>
    </message>
    <message>
        <source>次にすること</source>
        <translation>Next action</translation>
    </message>
    <message>
        <source>例: 11月の役員会で市への要望書を決める</source>
        <translation>e.g. 11月の役員会で市への要望書を決める</translation>
    </message>
    <message>
        <source>協力団体</source>
        <translation>Partner organisations</translation>
    </message>
    <message>
        <source>（休止）</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <source>（協力団体はまだ登録されていません）</source>
        <translation>(No partner organisations registered yet)</translation>
    </message>
    <message>
        <source>マッチ箱などのページ（http:// か https://）</source>
        <translation>Page on Matchbox etc. (http:// or https://)</translation>
    </message>
    <message>
        <source>マッチ箱などのページ</source>
        <translation>Page on Matchbox etc.</translation>
    </message>
    <message>
        <source>ページを開く</source>
        <translation>Open page</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存する</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>開く: </source>
        <translation>Open: </translation>
    </message>
</context>
<context>
    <name>IssuesTab</name>
    <message>
        <source>検索:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <source>課題・内容・場所の言葉</source>
        <translation>Words in the issue, details or place</translation>
    </message>
    <message>
        <source>課題を検索</source>
        <translation>Search issues</translation>
    </message>
    <message>
        <source>段階:</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <source>段階で絞り込み</source>
        <translation>Filter by stage</translation>
    </message>
    <message>
        <source>すべての段階</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>終わっていない課題だけ</source>
        <translation>Unfinished issues only</translation>
    </message>
    <message>
        <source>地域課題の一覧</source>
        <translation>List of local issues</translation>
    </message>
    <message>
        <source>課題を追加…</source>
        <translation>Add issue…</translation>
    </message>
    <message>
        <source>開く・変更…</source>
        <translation>Open / change…</translation>
    </message>
    <message>
        <source>市への要望</source>
        <translation>Requests to the city</translation>
    </message>
    <message>
        <source>要望日</source>
        <translation>Request date</translation>
    </message>
    <message>
        <source>宛先</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>回答日</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <source>回答</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>未回答</source>
        <translation>No reply yet</translation>
    </message>
    <message>
        <source>要望を追加…</source>
        <translation>Add request…</translation>
    </message>
    <message>
        <source>回答を記録…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <source>区域内の世帯数（加入率のため）</source>
        <translation>Households in the area (for the membership rate)</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>世帯数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>{n}世帯</source>
        <translation>{n} households</translation>
    </message>
    <message>
        <source>区域内の世帯数</source>
        <translation>Households in the area</translation>
    </message>
    <message>
        <source> 世帯</source>
        <translation> households</translation>
    </message>
    <message>
        <source>例: 市の住民基本台帳</source>
        <translation>e.g. 市の住民基本台帳 (city resident register)</translation>
    </message>
    <message>
        <source>出典</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>記録する</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>期限（{0}）を過ぎています</source>
        <translation>Past the deadline ({0})</translation>
    </message>
    <message>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>区域内の世帯数を記録するには、町会の情報を変更する権限（管理者）が必要です</source>
        <translation>To record the number of households in the area, you need permission to change the association&apos;s information (administrator)</translation>
    </message>
    <message>
        <source>世帯数の記録は管理者ができます。</source>
        <translation>Administrators can record the number of households.</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0} issues</translation>
    </message>
    <message>
        <source>（⚠ 期限切れ {0}件）</source>
        <translation>(⚠ {0} overdue)</translation>
    </message>
    <message>
        <source>課題を選ぶと、その課題で市に出した要望が出ます。</source>
        <translation>Select an issue to see the requests sent to the city about it.</translation>
    </message>
    <message>
        <source>「{0}」について市に出した要望</source>
        <translation>Requests sent to the city about “{0}”</translation>
    </message>
    <message>
        <source>市からの回答</source>
        <translation>Reply from the city</translation>
    </message>
    <message>
        <source>「市への要望」の一覧から要望を選んでください。</source>
        <translation>Please select a request in the “Requests to the city” list.</translation>
    </message>
    <message>
        <source>{0}の区域内の世帯数を{1:,}世帯にしました。</source>
        <translation>Set the number of households in the area for {0} to {1:,}.</translation>
    </message>
</context>
<context>
    <name>LocalDaysDialog</name>
    <message>
        <source>地域の休みの日</source>
        <translation>Local holidays</translation>
    </message>
    <message>
        <source>この日は、「地域の休みの日は休む」にした当番表の当番がありません。変えると、明日以降の当番をすぐに決め直します。</source>
        <translation>On these days there are no turns on rosters set to “skip local holidays”. When you change them, turns from tomorrow on are reassigned right away.</translation>
    </message>
    <message>
        <source>閲覧のみ: 地域の休みの日を登録・取り消しできるのは管理者です。</source>
        <translation>View only: only administrators can add or remove local holidays.</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>例: R8.9.13、令和8年9月13日</source>
        <translation>e.g. R8.9.13, 令和8年9月13日</translation>
    </message>
    <message>
        <source>例: 秋祭り</source>
        <translation>e.g. Autumn festival</translation>
    </message>
    <message>
        <source>休みの日の名前</source>
        <translation>Name of the holiday</translation>
    </message>
    <message>
        <source>加える</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>選んだ日を取り消す</source>
        <translation>Remove selected day</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>休みの日を加える</source>
        <translation>Add a holiday</translation>
    </message>
    <message>
        <source>日付を入力してください。</source>
        <translation>Please enter a date.</translation>
    </message>
    <message>
        <source>取り消す日を一覧で選んでください。</source>
        <translation>Please select the day to remove in the list.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>画面をロックしました</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <source>パスワード（または暗証番号）</source>
        <translation>Password (or PIN)</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>ロックを解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>別の人でログイン</source>
        <translation>Log in as someone else</translation>
    </message>
    <message>
        <source>{0} さん</source>
        <translation>{0}</translation>
    </message>
</context>
<context>
    <name>LockWindow</name>
    <message>
        <source>協働デスク — ロック中</source>
        <translation>Kyodo Desktop — Locked</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>協働デスク — ログイン</source>
        <translation>Kyodo Desktop — Log in</translation>
    </message>
    <message>
        <source>どなたですか？</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <source>台帳: {0}</source>
        <translation>Register: {0}</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>パスワード（このパソコンでは暗証番号も可）</source>
        <translation>Password (on this computer, a PIN also works)</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>復旧コード</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>・{name}（{role}）: {pw}</source>
        <translation>• {name} ({role}): {pw}</translation>
    </message>
    <message>
        <source>デモ用のアカウントとパスワード:
</source>
        <translation>Demo accounts and passwords:
</translation>
    </message>
    <message>
        <source>パスワードを全員忘れたとき（復旧コードで開く）</source>
        <translation>If everyone has forgotten their password (open with a recovery code)</translation>
    </message>
    <message>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>確かめています…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>画面の切り替え</source>
        <translation>Switch screens</translation>
    </message>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新しい町会を作る…</source>
        <translation>Create a new association…</translation>
    </message>
    <message>
        <source>台帳を開く…</source>
        <translation>Open register…</translation>
    </message>
    <message>
        <source>デモを見る</source>
        <translation>View demo</translation>
    </message>
    <message>
        <source>画面をロック</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>ユーザーの切り替え…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>Excel・CSVの名簿を取り込む…</source>
        <translation>Import member list from Excel/CSV…</translation>
    </message>
    <message>
        <source>名簿をExcel・CSVに書き出す…</source>
        <translation>Export member list to Excel/CSV…</translation>
    </message>
    <message>
        <source>印刷（回覧板・名簿・連絡網・当番表・会計の書類など）…</source>
        <translation>Print (circulars, member list, phone tree, duty rosters, accounting documents, etc.)…</translation>
    </message>
    <message>
        <source>班長用シートを作る…</source>
        <translation>Create block leader sheet…</translation>
    </message>
    <message>
        <source>班長用シートを取り込む…</source>
        <translation>Import block leader sheet…</translation>
    </message>
    <message>
        <source>年度替わり・引継ぎ…</source>
        <translation>Fiscal year change and hand-over…</translation>
    </message>
    <message>
        <source>新しい年度の役員・班長・会計をまとめて切り替え、引継ぎの書類を作ります（管理者）</source>
        <translation>Switch the new fiscal year&apos;s officers, block leaders and treasurer all at once and create the hand-over documents (administrator)</translation>
    </message>
    <message>
        <source>校下・市の集計（報告書を集める）…</source>
        <translation>District and city totals (collect reports)…</translation>
    </message>
    <message>
        <source>バックアップを作成</source>
        <translation>Create backup</translation>
    </message>
    <message>
        <source>バックアップから台帳を取り出す…</source>
        <translation>Recover register from a backup…</translation>
    </message>
    <message>
        <source>バックアップから復元…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>復元できるのは管理者だけです</source>
        <translation>Only administrators can restore</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>この画面の説明</source>
        <translation>About this screen</translation>
    </message>
    <message>
        <source>使い方の案内…</source>
        <translation>Getting started guide…</translation>
    </message>
    <message>
        <source>年度替わり・引継ぎ</source>
        <translation>Fiscal year change and hand-over</translation>
    </message>
    <message>
        <source>（読み取り専用）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>協働デスク — {name}{ro} — {who}</source>
        <translation>Kyodo Desktop — {name}{ro} — {who}</translation>
    </message>
    <message>
        <source>&#x3000;（持ち運びモード: 設定とバックアップはUSBメモリの中）</source>
        <translation>   (Portable mode: settings and backups are on the USB stick)</translation>
    </message>
    <message>
        <source>台帳: {path}{ro}&#x3000;ログイン中: {who}{portable}</source>
        <translation>Register: {path}{ro}   Signed in: {who}{portable}</translation>
    </message>
    <message>
        <source>年次報告</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <source>補助金</source>
        <translation>Subsidies</translation>
    </message>
    <message>
        <source>協働デスク</source>
        <translation>Kyodo Desktop</translation>
    </message>
    <message>
        <source>安否確認</source>
        <translation>Safety check</translation>
    </message>
    <message>
        <source>世帯の追加</source>
        <translation>Add household</translation>
    </message>
    <message>
        <source>先に「班を追加」で班を作ってください。</source>
        <translation>Please create a block first with “Add block”.</translation>
    </message>
    <message>
        <source>復旧コードでのログイン中はロックを解除できません。「別の人でログイン」を選んでください。</source>
        <translation>While signed in with the recovery code, the screen cannot be unlocked. Please choose “Sign in as someone else”.</translation>
    </message>
    <message>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>名簿を変更できる役割の人だけが取り込めます。</source>
        <translation>Only people whose role allows changing the member list can import.</translation>
    </message>
    <message>
        <source>取り込みました: 追加 {added}世帯・変更 {changed}世帯（新しい班 {blocks}）。取り込む前のバックアップがあります。</source>
        <translation>Imported: {added} households added, {changed} households changed ({blocks} new blocks). A backup from before the import is available.</translation>
    </message>
    <message>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>名簿を出力できる役割の人だけが書き出せます。</source>
        <translation>Only people whose role allows exporting the member list can export.</translation>
    </message>
    <message>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>名簿や書類を出力できる役割の人だけが印刷できます。</source>
        <translation>Only people whose role allows exporting the member list and documents can print.</translation>
    </message>
    <message>
        <source>班長用シート</source>
        <translation>Block leader sheet</translation>
    </message>
    <message>
        <source>どの班のシートを作りますか</source>
        <translation>Which block is the sheet for?</translation>
    </message>
    <message>
        <source>班長用シートの保存先</source>
        <translation>Save block leader sheet to</translation>
    </message>
    <message>
        <source>{0}_班長用シート.xlsx</source>
        <translation>{0}_block_leader_sheet.xlsx</translation>
    </message>
    <message>
        <source>作りました: {0}
班長に渡して、直してもらったら「班長用シートを取り込む」で戻します。</source>
        <translation>Created: {0}
Give it to the block leader, and when they have made corrections, bring it back with “Import block leader sheet”.</translation>
    </message>
    <message>
        <source>取り込みました: {0}件。</source>
        <translation>Imported: {0} items.</translation>
    </message>
    <message>
        <source>バックアップ</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>バックアップを作成しました。
{0}</source>
        <translation>Backup created.
{0}</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>この台帳のバックアップはまだありません。</source>
        <translation>There are no backups of this register yet.</translation>
    </message>
    <message>
        <source>{date} {time} のバックアップに戻します。
いまの内容は、戻す前に別のバックアップとして保存されるので、あとで元に戻せます。
復元しますか？</source>
        <translation>This goes back to the backup from {date} {time}.
The current data is saved as another backup first, so you can undo this later.
Restore now?</translation>
    </message>
    <message>
        <source>復元する</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0}
台帳は変更されていません。</source>
        <translation>{0}
The register has not been changed.</translation>
    </message>
    <message>
        <source>復元しました。</source>
        <translation>Restored.</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>名前かフリガナの一部（例: たなか）</source>
        <translation>Part of the name or furigana (e.g. たなか)</translation>
    </message>
    <message>
        <source>名簿から探す</source>
        <translation>Search the register</translation>
    </message>
    <message>
        <source>班で絞り込み</source>
        <translation>Filter by block</translation>
    </message>
    <message>
        <source>名簿で見つかった世帯</source>
        <translation>Households found in the register</translation>
    </message>
    <message>
        <source>選んだ世帯を加える →</source>
        <translation>Add selected households →</translation>
    </message>
    <message>
        <source>一覧で選んだ世帯を右の順番の最後に加えます（Ctrlやシフトでまとめて選べます）</source>
        <translation>Add the households selected in the list to the end of the order on the right (use Ctrl or Shift to select several)</translation>
    </message>
    <message>
        <source>選んだ世帯と順番</source>
        <translation>Selected households and order</translation>
    </message>
    <message>
        <source>↑ 上へ</source>
        <translation>↑ Up</translation>
    </message>
    <message>
        <source>↓ 下へ</source>
        <translation>↓ Down</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>すべての班</source>
        <translation>All blocks</translation>
    </message>
    <message>
        <source>班を選ぶと、その班の世帯が回覧順に出ます（まとめて選んで加えられます）</source>
        <translation>Choose a block to show its households in circulation order (you can select several and add them together)</translation>
    </message>
    <message>
        <source>選んだ{unit}を加える →</source>
        <translation>Add selected {unit} →</translation>
    </message>
    <message>
        <source>名簿で見つかった{unit}</source>
        <translation>{unit} found in the register</translation>
    </message>
    <message>
        <source>選んだ{unit}と順番</source>
        <translation>Selected {unit} and order</translation>
    </message>
    <message>
        <source>（世帯主未登録）</source>
        <translation>(no head of household registered)</translation>
    </message>
    <message>
        <source>選んだ{unit}: {n}（上から順に当番）</source>
        <translation>Selected {unit}: {n} (on duty in order from the top)</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>アカウントの追加</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>例: 会計 田中</source>
        <translation>e.g. 会計 田中</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>班（班長のみ）</source>
        <translation>Block (block leaders only)</translation>
    </message>
</context>
<context>
    <name>NewAdminFields</name>
    <message>
        <source>例: 会長 山田</source>
        <translation>e.g. 会長 山田</translation>
    </message>
    <message>
        <source>{0}文字以上</source>
        <translation>At least {0} characters</translation>
    </message>
    <message>
        <source>もう一度</source>
        <translation>Once more</translation>
    </message>
    <message>
        <source>管理者（あなた）の名前</source>
        <translation>Administrator&apos;s (your) name</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>パスワード（確認）</source>
        <translation>Password (again)</translation>
    </message>
    <message>
        <source>管理者の名前を入力してください。</source>
        <translation>Please enter the administrator&apos;s name.</translation>
    </message>
    <message>
        <source>確認のパスワードが一致しません。</source>
        <translation>The passwords do not match.</translation>
    </message>
</context>
<context>
    <name>NewAssociationDialog</name>
    <message>
        <source>新しい町会を作る</source>
        <translation>Create a new association</translation>
    </message>
    <message>
        <source>例: 尾山町会</source>
        <translation>e.g. 尾山町会</translation>
    </message>
    <message>
        <source>例: オヤマチョウカイ</source>
        <translation>e.g. オヤマチョウカイ</translation>
    </message>
    <message>
        <source>例: 長町校下</source>
        <translation>e.g. 長町校下</translation>
    </message>
    <message>
        <source>例: 076（市外局番を省いた電話番号に補います）</source>
        <translation>e.g. 076 (added to phone numbers entered without an area code)</translation>
    </message>
    <message>
        <source>町会名（必須）</source>
        <translation>Association name (required)</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (furigana)</translation>
    </message>
    <message>
        <source>校下・地区</source>
        <translation>School district / area</translation>
    </message>
    <message>
        <source>市外局番</source>
        <translation>Area code</translation>
    </message>
    <message>
        <source>台帳は暗号化して保存します。作る人（あなた）が管理者になります。</source>
        <translation>The register is saved encrypted. You, the person creating it, become the administrator.</translation>
    </message>
    <message>
        <source>作成する</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>⚠ 町会名を入力してください。</source>
        <translation>⚠ Please enter the association name.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>新しい補助金の申請</source>
        <translation>New subsidy application</translation>
    </message>
    <message>
        <source>記録を作る</source>
        <translation>Create record</translation>
    </message>
    <message>
        <source>{year}の補助金の記録を作ります。作ったあと「次の段階へ」で事前相談・申請…と進めます。</source>
        <translation>Create a subsidy record for {year}. After creating it, use &quot;Next step&quot; to move on to prior consultation, application, and so on.</translation>
    </message>
    <message>
        <source>補助制度</source>
        <translation>Subsidy scheme</translation>
    </message>
    <message>
        <source>補助の決まり</source>
        <translation>Subsidy rules</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>例: 第3ステーション 金属ボックス</source>
        <translation>e.g. 第3ステーション 金属ボックス</translation>
    </message>
    <message>
        <source>予定経費（円）</source>
        <translation>Planned costs (yen)</translation>
    </message>
    <message>
        <source>予定経費</source>
        <translation>Planned costs</translation>
    </message>
    <message>
        <source>例: 213,400</source>
        <translation>e.g. 213,400</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>例: 3</source>
        <translation>e.g. 3</translation>
    </message>
    <message>
        <source>作業日・実施日（分かれば）</source>
        <translation>Work / event date (if known)</translation>
    </message>
    <message>
        <source>作業日・実施日</source>
        <translation>Work / event date</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>補助額の見込み</source>
        <translation>Estimated subsidy</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>使える補助制度がありません。</source>
        <translation>No subsidy schemes are available.</translation>
    </message>
    <message>
        <source>決まり: {rule}</source>
        <translation>Rule: {rule}</translation>
    </message>
    <message>
        <source>段階: {steps}</source>
        <translation>Steps: {steps}</translation>
    </message>
    <message>
        <source>申請は作業日から{n}日以内（作業日を入れてください）</source>
        <translation>Apply within {n} days of the work date (please enter the work date)</translation>
    </message>
    <message>
        <source>添付書類: {items}</source>
        <translation>Attachments: {items}</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>数量（{unit}）</source>
        <translation>Quantity ({unit})</translation>
    </message>
    <message>
        <source>⚠ 予定経費と数量は数字で入れてください（例: 213,400）。</source>
        <translation>⚠ Please enter the planned costs and quantity as numbers (e.g. 213,400).</translation>
    </message>
    <message>
        <source>補助制度を選んでください。</source>
        <translation>Please choose a subsidy scheme.</translation>
    </message>
    <message>
        <source>⚠ 注意（このままでも作れます）:
</source>
        <translation>⚠ Warnings (you can still create it):
</translation>
    </message>
    <message>
        <source>・{warning}</source>
        <translation>・{warning}</translation>
    </message>
    <message>
        <source>注意を確かめたうえで作る</source>
        <translation>Create after checking the warnings</translation>
    </message>
</context>
<context>
    <name>OwnAccountTab</name>
    <message>
        <source>いまのパスワード</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新しいパスワード</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>新しいパスワード（確認）</source>
        <translation>New password (again)</translation>
    </message>
    <message>
        <source>パスワードを変える</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>4〜6桁の数字</source>
        <translation>4–6 digits</translation>
    </message>
    <message>
        <source>このパソコン用の暗証番号</source>
        <translation>PIN for this computer</translation>
    </message>
    <message>
        <source>暗証番号は、このパソコンでだけ使えます。USBメモリで持ち出した台帳は、パスワードで開きます。</source>
        <translation>The PIN works only on this computer. A register taken elsewhere on a USB stick is opened with the password.</translation>
    </message>
    <message>
        <source>暗証番号を設定する</source>
        <translation>Set PIN</translation>
    </message>
    <message>
        <source>ログイン中: {0}（{1}）</source>
        <translation>Logged in: {0} ({1})</translation>
    </message>
    <message>
        <source>確認のパスワードが一致しません。</source>
        <translation>The confirmation password does not match.</translation>
    </message>
    <message>
        <source>パスワードを変えました。次からは新しいパスワードで開きます。</source>
        <translation>Password changed. From now on, use the new password to open the register.</translation>
    </message>
    <message>
        <source>このパソコン用の暗証番号を設定しました。</source>
        <translation>The PIN for this computer has been set.</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>○ 出席</source>
        <translation>○ Attended</translation>
    </message>
    <message>
        <source>× 欠席</source>
        <translation>× Absent</translation>
    </message>
    <message>
        <source>ダブルクリックすると変えられます</source>
        <translation>Double-click to change</translation>
    </message>
    <message>
        <source>変更できません。</source>
        <translation>Cannot be changed.</translation>
    </message>
    <message>
        <source>前もって聞いた出欠の返事</source>
        <translation>Reply about attendance given in advance</translation>
    </message>
    <message>
        <source>当日来たか（○ 出席・× 欠席）</source>
        <translation>Whether they came on the day (○ attended, × absent)</translation>
    </message>
    <message>
        <source>運営・講師などで活動した時間</source>
        <translation>Hours spent helping, e.g. running the event or teaching</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <source>名簿から探して加える</source>
        <translation>Search the register and add</translation>
    </message>
    <message>
        <source>名前・フリガナで検索（例: たなか）</source>
        <translation>Search by name or furigana (e.g. たなか)</translation>
    </message>
    <message>
        <source>参加者を名簿から検索</source>
        <translation>Search the register for participants</translation>
    </message>
    <message>
        <source>世帯・氏名</source>
        <translation>Household / name</translation>
    </message>
    <message>
        <source>年代</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>記録のしかた</source>
        <translation>How it is recorded</translation>
    </message>
    <message>
        <source>検索の結果（世帯と世帯員）</source>
        <translation>Search results (households and members)</translation>
    </message>
    <message>
        <source>加える人の役割</source>
        <translation>Role of the person added</translation>
    </message>
    <message>
        <source>運営: 準備・受付などの係、講師: 教える人</source>
        <translation>Staff: helpers for setup, reception, etc.; Instructor: someone who teaches</translation>
    </message>
    <message>
        <source>この人を追加</source>
        <translation>Add this person</translation>
    </message>
    <message>
        <source>選んだ人を参加者に加えます（ダブルクリックでも加えられます）</source>
        <translation>Adds the selected person to the participants (you can also double-click)</translation>
    </message>
    <message>
        <source>世帯全員を追加</source>
        <translation>Add whole household</translation>
    </message>
    <message>
        <source>選んだ世帯に住んでいる全員を参加者に加えます</source>
        <translation>Adds everyone living in the selected household to the participants</translation>
    </message>
    <message>
        <source>追加の結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>役割:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>名前を記録した参加者</source>
        <translation>Participants recorded by name</translation>
    </message>
    <message>
        <source>参加者の一覧</source>
        <translation>Participant list</translation>
    </message>
    <message>
        <source>ダブルクリックで変えられます</source>
        <translation>Double-click to change</translation>
    </message>
    <message>
        <source>役割・出欠・出席・時間を変えられます。キーボードでは、欄を選んで F2 キーを押します</source>
        <translation>You can change the role, reply, attendance and hours. With the keyboard, select a cell and press F2</translation>
    </message>
    <message>
        <source>選んだ人を外す</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>選んだ人を参加者から外します（Delete キーでも外せます）</source>
        <translation>Removes the selected people from the participants (you can also press Delete)</translation>
    </message>
    <message>
        <source>名簿にない参加者の人数（年代別）</source>
        <translation>Participants not in the register (by age group)</translation>
    </message>
    <message>
        <source>町外の人・子ども会の友だちなど、名簿にない人の人数です。変えるとすぐに保存されます。</source>
        <translation>Number of people not in the register, such as people from outside the area or friends from the children&apos;s club. Changes are saved at once.</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>名簿にない参加者 {band}</source>
        <translation>Participants not in the register {band}</translation>
    </message>
    <message>
        <source>参加者の合計</source>
        <translation>Total participants</translation>
    </message>
    <message>
        <source>年代別の参加者</source>
        <translation>Participants by age group</translation>
    </message>
    <message>
        <source>⚠ 参加者を読み込めませんでした: {error}</source>
        <translation>⚠ Could not load participants: {error}</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{band} {n}人</source>
        <translation>{band}: {n}</translation>
    </message>
    <message>
        <source>参加の記録に同意していない会員（名前は残していません）: {parts}</source>
        <translation>Members who have not agreed to have their participation recorded (names not kept): {parts}</translation>
    </message>
    <message>
        <source>⚠ 合計を出せませんでした: {error}</source>
        <translation>⚠ Could not calculate the totals: {error}</translation>
    </message>
    <message>
        <source>合計 {total}人（名前あり {named}人・人数のみ {counted}人）&#x3000;担い手（運営・講師） {helpers}人&#x3000;延べ時間 {hours}時間</source>
        <translation>Total {total} (by name {named}, count only {counted})   Volunteers (staff and instructors): {helpers}   Total hours: {hours}</translation>
    </message>
    <message>
        <source>&#x3000;出欠の返事: </source>
        <translation>   Replies: </translation>
    </message>
    <message>
        <source>年代別: {bands}</source>
        <translation>By age group: {bands}</translation>
    </message>
    <message>
        <source>（{status}）</source>
        <translation>({status})</translation>
    </message>
    <message>
        <source>{head} さんの世帯{gone}&#x3000;{where}</source>
        <translation>{head}&apos;s household{gone}   {where}</translation>
    </message>
    <message>
        <source>（世帯主未設定）</source>
        <translation>(no head of household set)</translation>
    </message>
    <message>
        <source>名簿に当たる人がいません。</source>
        <translation>No one in the register matches.</translation>
    </message>
    <message>
        <source>{n}世帯のうち{shown}世帯を表示（名前を詳しく）</source>
        <translation>Showing {shown} of {n} households (type more of the name)</translation>
    </message>
    <message>
        <source>名前を詳しく入れると、見つかる世帯を絞り込めます。</source>
        <translation>Typing more of the name narrows down the households found.</translation>
    </message>
    <message>
        <source>{n}世帯が見つかりました。</source>
        <translation>{n} households found.</translation>
    </message>
    <message>
        <source>行事の後に生まれた人</source>
        <translation>Born after the event</translation>
    </message>
    <message>
        <source>行事の日にはまだ生まれていないため、加えられません</source>
        <translation>Cannot be added: not yet born on the day of the event</translation>
    </message>
    <message>
        <source>名簿では在籍していません。行事の日に住んでいなかった人は加えられません。</source>
        <translation>Not listed as living here. People who did not live here on the day of the event cannot be added.</translation>
    </message>
    <message>
        <source>✓ 参加者です</source>
        <translation>✓ Participant</translation>
    </message>
    <message>
        <source>すでに参加者の一覧にいます</source>
        <translation>Already in the participant list</translation>
    </message>
    <message>
        <source>✓ 人数に加えました</source>
        <translation>✓ Added to the count</translation>
    </message>
    <message>
        <source>同意がないため、名前を残さず年代別の人数に加えました</source>
        <translation>No consent, so added to the count by age group without the name</translation>
    </message>
    <message>
        <source>名前で記録</source>
        <translation>Record by name</translation>
    </message>
    <message>
        <source>参加の記録に同意しているので、名前で記録します</source>
        <translation>Has agreed to participation records, so will be recorded by name</translation>
    </message>
    <message>
        <source>人数のみ（同意なし）</source>
        <translation>Count only (no consent)</translation>
    </message>
    <message>
        <source>参加の記録に同意していないため、名前を残さず年代別の人数に加えます</source>
        <translation>Has not agreed to participation records, so will be added to the count by age group without the name</translation>
    </message>
    <message>
        <source>選んだ{n}人を追加</source>
        <translation>Add the {n} selected</translation>
    </message>
    <message>
        <source>{n}人は行事の日にはまだ生まれていないため、加えませんでした。</source>
        <translation>{n} people were not added because they were not yet born on the day of the event.</translation>
    </message>
    <message>
        <source>{n}人はすでに年代別の人数に加えてあるため、二重に数えないよう加えませんでした。</source>
        <translation>{n} people were not added because they are already in the count by age group (to avoid counting them twice).</translation>
    </message>
    <message>
        <source>「{name}」さん</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>{n}人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>参加者から外す</source>
        <translation>Remove from participants</translation>
    </message>
    <message>
        <source>{who}を参加者から外しますか？</source>
        <translation>Remove {who} from the participants?</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>✓ {n}人を参加者から外しました。</source>
        <translation>✓ Removed {n} people from the participants.</translation>
    </message>
</context>
<context>
    <name>ParticipationDelegate</name>
    <message>
        <source>時間</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>協力団体を追加</source>
        <translation>Add partner organisation</translation>
    </message>
    <message>
        <source>協力団体</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <source>例: 泉野公民館</source>
        <translation>e.g. 泉野公民館</translation>
    </message>
    <message>
        <source>例: 館長 田中様</source>
        <translation>e.g. 館長 田中様</translation>
    </message>
    <message>
        <source>例: 076-123-4567</source>
        <translation>e.g. 076-123-4567</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>この団体は{0}から休止しています。</source>
        <translation>This organisation has been inactive since {0}.</translation>
    </message>
    <message>
        <source>保存する</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <source>公民館・社協・学校・商店など、町会と一緒に活動する団体です。</source>
        <translation>Groups that work together with the association, such as community centres, the social welfare council, schools and shops.</translation>
    </message>
    <message>
        <source>休止中の団体も表示</source>
        <translation>Also show inactive organisations</translation>
    </message>
    <message>
        <source>協力団体の一覧</source>
        <translation>List of partner organisations</translation>
    </message>
    <message>
        <source>団体を追加…</source>
        <translation>Add organisation…</translation>
    </message>
    <message>
        <source>開く・変更…</source>
        <translation>Open / change…</translation>
    </message>
    <message>
        <source>休止にする…</source>
        <translation>Set inactive…</translation>
    </message>
    <message>
        <source>活動していない団体を一覧から外します。これまでの記録は残ります</source>
        <translation>Removes an organisation that is no longer active from the list. Its records are kept</translation>
    </message>
    <message>
        <source>削除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>間違えて登録した団体を消します。行事・課題・協定に結び付いた団体は消せません</source>
        <translation>Deletes an organisation registered by mistake. Organisations linked to events, issues or agreements cannot be deleted</translation>
    </message>
    <message>
        <source>協定</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>締結日</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>有効期限</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>協定を追加…</source>
        <translation>Add agreement…</translation>
    </message>
    <message>
        <source>一緒にした行事</source>
        <translation>Joint events</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>行事</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>かかわる地域課題</source>
        <translation>Related local issues</translation>
    </message>
    <message>
        <source>発見日</source>
        <translation>Date found</translation>
    </message>
    <message>
        <source>課題</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>{0}団体</source>
        <translation>{0} organisations</translation>
    </message>
    <message>
        <source>{0}団体（うち休止 {1}）</source>
        <translation>{0} organisations ({1} inactive)</translation>
    </message>
    <message>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>変更するには、役員か管理者の権限が必要です</source>
        <translation>Changing this requires officer or administrator permission</translation>
    </message>
    <message>
        <source>団体を選ぶと、協定と一緒にした活動が出ます</source>
        <translation>Select an organisation to see its agreements and joint activities</translation>
    </message>
    <message>
        <source>「{0}」の協定と活動</source>
        <translation>Agreements and activities of “{0}”</translation>
    </message>
    <message>
        <source>休止にする</source>
        <translation>Set inactive</translation>
    </message>
    <message>
        <source>「{0}」を休止にします。一覧や選択肢から外れますが、これまでの行事・協定などの記録は残ります。よろしいですか？</source>
        <translation>Set “{0}” as inactive? It will no longer appear in lists and choices, but its records of events, agreements, etc. are kept.</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>「{0}」を削除します。間違えて登録したときだけ使ってください。よろしいですか？</source>
        <translation>Delete “{0}”? Use this only if it was registered by mistake.</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>削除できません</source>
        <translation>Cannot delete</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>表示</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>世帯No.{id}</source>
        <translation>Household No. {id}</translation>
    </message>
    <message>
        <source>会費の入金を記録</source>
        <translation>Record dues payment</translation>
    </message>
    <message>
        <source>入金を記録する</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <source>{block}&#x3000;{who}さん&#x3000;年額 {due}・入金済 {paid}・未納 {outstanding}</source>
        <translation>{block}  {who}  Yearly {due} · Paid {paid} · Unpaid {outstanding}</translation>
    </message>
    <message>
        <source>入金額（円）</source>
        <translation>Amount paid (yen)</translation>
    </message>
    <message>
        <source>入金額</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>期別</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>{label}（未納 {outstanding}）</source>
        <translation>{label} (unpaid {outstanding})</translation>
    </message>
    <message>
        <source>入金日</source>
        <translation>Date paid</translation>
    </message>
    <message>
        <source>受け取った人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>空欄ならログイン中の役員</source>
        <translation>If blank, the logged-in officer</translation>
    </message>
    <message>
        <source>納め方</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>領収書番号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>なくても可</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>世帯員の追加</source>
        <translation>Add household member</translation>
    </message>
    <message>
        <source>世帯員の編集 — {name}</source>
        <translation>Edit household member — {name}</translation>
    </message>
    <message>
        <source>（{n}人目）</source>
        <translation>(person {n})</translation>
    </message>
    <message>
        <source>ひらがなでも入力できます</source>
        <translation>You can also type in hiragana</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>（記入しない）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>例: 090-1234-5678</source>
        <translation>e.g. 090-1234-5678</translation>
    </message>
    <message>
        <source>例: name@example.jp</source>
        <translation>e.g. name@example.jp</translation>
    </message>
    <message>
        <source>健康・病気などの情報はここに書かないでください</source>
        <translation>Please do not write health or illness information here</translation>
    </message>
    <message>
        <source>氏（姓）</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>名</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>フリガナ（姓）</source>
        <translation>Furigana (family name)</translation>
    </message>
    <message>
        <source>フリガナ（名）</source>
        <translation>Furigana (given name)</translation>
    </message>
    <message>
        <source>続柄</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>携帯電話</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>（{d}）</source>
        <translation>({d})</translation>
    </message>
    <message>
        <source>&#x3000;理由: {r}</source>
        <translation>  Reason: {r}</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>決定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PersonPickDialog</name>
    <message>
        <source>選ぶ</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>一覧から人を選んでください。</source>
        <translation>Please choose a person in the list.</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>名簿の人を選ぶ</source>
        <translation>Choose a person from the member list</translation>
    </message>
    <message>
        <source>名前かフリガナの一部（例: やまだ）</source>
        <translation>Part of the name or furigana (e.g. やまだ)</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>名前かフリガナの一部（例: たなか）</source>
        <translation>Part of the name or furigana (e.g. たなか)</translation>
    </message>
    <message>
        <source>名簿から探す</source>
        <translation>Search the member list</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Furigana (reading)</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>探した人</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>⚠ 見つかりません。名前の一部かフリガナで探してください。</source>
        <translation>⚠ Not found. Search with part of the name or the furigana.</translation>
    </message>
    <message>
        <source>多すぎるため一部だけ表示しています。名前をもう少し入れてください。</source>
        <translation>Too many matches, so only some are shown. Please type more of the name.</translation>
    </message>
    <message>
        <source>名前・フリガナで探す</source>
        <translation>Search by name or furigana</translation>
    </message>
    <message>
        <source>名前で探す</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>見つかった人</source>
        <translation>People found</translation>
    </message>
    <message>
        <source>この人にする</source>
        <translation>Choose this person</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PersonStatusDialog</name>
    <message>
        <source>転出・死亡を記録 — {name}</source>
        <translation>Record moving out / death — {name}</translation>
    </message>
    <message>
        <source>「{name}」さんの転出・死亡を記録します。名簿からは消えず、灰色で残ります。</source>
        <translation>Record that {name} has moved out or died. They are not deleted from the member list but stay shown in grey.</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>在籍（記録を取り消す）</source>
        <translation>Resident (cancel the record)</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>例: 東京都へ転居</source>
        <translation>e.g. Moved to Tokyo</translation>
    </message>
    <message>
        <source>記録する</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>日付を入力してください。</source>
        <translation>Please enter a date.</translation>
    </message>
</context>
<context>
    <name>PersonsModel</name>
    <message>
        <source>{n}人目</source>
        <translation>Person {n}</translation>
    </message>
    <message>
        <source>★世帯主</source>
        <translation>★Head of household</translation>
    </message>
    <message>
        <source>★世帯主（{relation}）</source>
        <translation>★Head of household ({relation})</translation>
    </message>
    <message>
        <source>不明</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>{n}歳</source>
        <translation>{n} yrs</translation>
    </message>
    <message>
        <source>{status} {since}</source>
        <translation>{status} {since}</translation>
    </message>
    <message>
        <source>理由: {r}</source>
        <translation>Reason: {r}</translation>
    </message>
</context>
<context>
    <name>PhoneOrderDialog</name>
    <message>
        <source>連絡網の順番 — {0}</source>
        <translation>Phone tree order — {0}</translation>
    </message>
    <message>
        <source>{0}の電話の順番</source>
        <translation>Calling order for {0}</translation>
    </message>
    <message>
        <source>それぞれの世帯に「だれから電話が来るか」を選んでください。起点は班長の{0}さんです。同じ方が何軒かに電話しても構いません（例: 両回り）。</source>
        <translation>For each household, choose who calls them. The chain starts with the block leader, {0}. One person may call several households (e.g. calling both ways).</translation>
    </message>
    <message>
        <source>（班長）</source>
        <translation>(block leader)</translation>
    </message>
    <message>
        <source>&lt;b&gt;世帯（回覧順）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Household (circulation order)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;だれから電話が来るか&lt;/b&gt;</source>
        <translation>&lt;b&gt;Who calls them&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0}に電話する人</source>
        <translation>Person who calls {0}</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>この順番で保存</source>
        <translation>Save this order</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>⚠ {0}
（保存していません）</source>
        <translation>⚠ {0}
(Not saved)</translation>
    </message>
</context>
<context>
    <name>PhoneTreeTab</name>
    <message>
        <source>班:</source>
        <translation>Block:</translation>
    </message>
    <message>
        <source>班を選ぶ</source>
        <translation>Choose block</translation>
    </message>
    <message>
        <source>順番を変える…</source>
        <translation>Change order…</translation>
    </message>
    <message>
        <source>この班だけの電話の順番（だれがだれに電話するか）を決めます</source>
        <translation>Set a calling order just for this block (who calls whom)</translation>
    </message>
    <message>
        <source>回覧順に戻す</source>
        <translation>Back to circulation order</translation>
    </message>
    <message>
        <source>独自の順番をやめて、班長から回覧順に電話を回します</source>
        <translation>Stop using the custom order; calls are passed on from the block leader in circulation order</translation>
    </message>
    <message>
        <source>連絡網の問題</source>
        <translation>Phone tree problems</translation>
    </message>
    <message>
        <source>連絡網</source>
        <translation>Phone tree</translation>
    </message>
    <message>
        <source>連絡網の決まり</source>
        <translation>Phone tree rules</translation>
    </message>
    <message>
        <source>「（掲載の同意なし）」の世帯は、連絡網への掲載に同意していないため名前と電話を出していません。その世帯はとばして次の方へ電話し、班長が直接連絡してください。</source>
        <translation>Households shown as &quot;(no consent to be listed)&quot; have not agreed to appear in the phone tree, so their name and phone number are not shown. Skip that household and call the next one; the block leader should contact them directly.</translation>
    </message>
    <message>
        <source>班がまだありません。名簿の画面で「班を追加」を押してください。</source>
        <translation>There are no blocks yet. Press &quot;Add block&quot; on the member list screen.</translation>
    </message>
    <message>
        <source>{0}の起点: 班長 {1}さん（{2}世帯）</source>
        <translation>Start of {0}: block leader {1} ({2} households)</translation>
    </message>
    <message>
        <source>{0}（{1}世帯）: 班長が決まっていません</source>
        <translation>{0} ({1} households): no block leader has been set</translation>
    </message>
    <message>
        <source>&#x3000;独自の順番</source>
        <translation>  Custom order</translation>
    </message>
    <message>
        <source>&#x3000;班長から回覧順に電話を回します</source>
        <translation>  Calls are passed on from the block leader in circulation order</translation>
    </message>
    <message>
        <source>{0}
折り返し報告先: {1}さん</source>
        <translation>{0}
Report back to: {1}</translation>
    </message>
    <message>
        <source>班長が決まっていないため、独自の順番は作れません</source>
        <translation>No block leader has been set, so a custom order cannot be made</translation>
    </message>
    <message>
        <source>✓ 連絡網の順番を保存しました。</source>
        <translation>✓ Phone tree order saved.</translation>
    </message>
    <message>
        <source>{0}の独自の順番をやめて、班長から回覧順に電話を回しますか？</source>
        <translation>Stop the custom order for {0} and pass calls on from the block leader in circulation order?</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>✓ 回覧順に戻しました。</source>
        <translation>✓ Back to circulation order.</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>避難場所を登録</source>
        <translation>Register evacuation site</translation>
    </message>
    <message>
        <source>避難場所</source>
        <translation>Evacuation site</translation>
    </message>
    <message>
        <source>例: 泉野公園</source>
        <translation>e.g. 泉野公園</translation>
    </message>
    <message>
        <source>例: 泉野町3丁目</source>
        <translation>e.g. 泉野町3丁目</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在地</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>この場所を使う班（どれも選ばなければ町会全体）</source>
        <translation>Blocks that use this place (if none are chosen, the whole association)</translation>
    </message>
    <message>
        <source>保存する</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>{year}の会費の額</source>
        <translation>Dues amounts for {year}</translation>
    </message>
    <message>
        <source>会費の額を保存する</source>
        <translation>Save dues amounts</translation>
    </message>
    <message>
        <source>期別（年1回なら「年額」、半年ごとなら「上期」「下期」）と納期限、会費の種類ごとの額を決めます。納めない種類は0円にします。会費を世帯に割り当てたあとは変えられません。</source>
        <translation>Set the installments (“Yearly” if paid once a year, “First half” and “Second half” if every six months), the due dates, and the amount for each type of dues. Set types that are not paid to 0 yen. These cannot be changed after the dues have been assigned to households.</translation>
    </message>
    <message>
        <source>期別の数</source>
        <translation>Number of installments</translation>
    </message>
    <message>
        <source>回</source>
        <translation> per year</translation>
    </message>
    <message>
        <source>&lt;b&gt;期別&lt;/b&gt;</source>
        <translation>&lt;b&gt;Installment&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;納期限&lt;/b&gt;</source>
        <translation>&lt;b&gt;Due date&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{n}回目の名前</source>
        <translation>Name of installment {n}</translation>
    </message>
    <message>
        <source>{n}回目の納期限</source>
        <translation>Due date of installment {n}</translation>
    </message>
    <message>
        <source>例: 令和8年5月31日</source>
        <translation>e.g. 令和8年5月31日</translation>
    </message>
    <message>
        <source>{name}（円）</source>
        <translation>{name} (yen)</translation>
    </message>
    <message>
        <source>{name}の{n}回目の額</source>
        <translation>{name}, amount for installment {n}</translation>
    </message>
</context>
<context>
    <name>PostDuesDialog</name>
    <message>
        <source>会費を出納簿に記帳</source>
        <translation>Enter dues in cash book</translation>
    </message>
    <message>
        <source>記帳する</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>受け取った会費のうち、出納簿にまだ入っていない入金が{n}件（{total}）あります（{first}〜{last}）。一つの「会費収入」として記帳します。</source>
        <translation>Of the dues received, {n} payments ({total}) are not yet in the cash book ({first} – {last}). They will be entered as one “dues income” entry.</translation>
    </message>
    <message>
        <source>記帳する日</source>
        <translation>Entry date</translation>
    </message>
    <message>
        <source>入れる口座</source>
        <translation>Into account</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>書類</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>すべての班</source>
        <translation>All blocks</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>プレビューを更新</source>
        <translation>Update preview</translation>
    </message>
    <message>
        <source>フォント…</source>
        <translation>Font…</translation>
    </message>
    <message>
        <source>印刷に使うフォント（TrueType .ttf / .ttc）を選びます</source>
        <translation>Choose the font used for printing (TrueType .ttf / .ttc)</translation>
    </message>
    <message>
        <source>標準</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>同梱のフォントとOSのフォントで印刷します</source>
        <translation>Prints with the included fonts and the system fonts</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>PDFで保存…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>前のページ</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>次のページ</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>拡大</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>ページ</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>回覧</source>
        <translation>Circular</translation>
    </message>
    <message>
        <source>例: 令和8年12月5日</source>
        <translation>e.g. 令和8年12月5日</translation>
    </message>
    <message>
        <source>お知らせの本文（なくても可）</source>
        <translation>Text of the notice (optional)</translation>
    </message>
    <message>
        <source>題名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>班長へ戻す日</source>
        <translation>Return to block leader by</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>本文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>お知らせのPDFを添付…</source>
        <translation>Attach notice PDF…</translation>
    </message>
    <message>
        <source>（添付なし）</source>
        <translation>(no attachment)</translation>
    </message>
    <message>
        <source>添付するPDF</source>
        <translation>PDF to attach</translation>
    </message>
    <message>
        <source>回覧順</source>
        <translation>Circulation order</translation>
    </message>
    <message>
        <source>五十音順</source>
        <translation>Japanese syllabary order (aiueo)</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>並び順</source>
        <translation>Sort order</translation>
    </message>
    <message>
        <source>載せる列</source>
        <translation>Columns to include</translation>
    </message>
    <message>
        <source>つける</source>
        <translation>Include</translation>
    </message>
    <message>
        <source>1ページ目に、名簿の目的・載せた範囲と取扱いのお願いを印刷します</source>
        <translation>Prints the purpose of the list, what it covers, and a request for careful handling on the first page</translation>
    </message>
    <message>
        <source>表紙</source>
        <translation>Cover page</translation>
    </message>
    <message>
        <source>フォント: {0}</source>
        <translation>Font: {0}</translation>
    </message>
    <message>
        <source>印刷に使うフォント</source>
        <translation>Font used for printing</translation>
    </message>
    <message>
        <source>TrueType フォント (*.ttf *.ttc);;すべてのファイル (*)</source>
        <translation>TrueType fonts (*.ttf *.ttc);;All files (*)</translation>
    </message>
    <message>
        <source>{0}面</source>
        <translation>{0} labels per sheet</translation>
    </message>
    <message>
        <source>ラベル用紙</source>
        <translation>Label sheet</translation>
    </message>
    <message>
        <source>使用済みの枚数</source>
        <translation>Labels already used</translation>
    </message>
    <message>
        <source>基準日（空欄なら今日）</source>
        <translation>Reference date (blank = today)</translation>
    </message>
    <message>
        <source>法律の数え方</source>
        <translation>Legal way of counting</translation>
    </message>
    <message>
        <source>誕生日に1歳加算</source>
        <translation>One year older on the birthday</translation>
    </message>
    <message>
        <source>数え年</source>
        <translation>Traditional count (kazoedoshi)</translation>
    </message>
    <message>
        <source>年齢（以上）</source>
        <translation>Age (and over)</translation>
    </message>
    <message>
        <source>基準日</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>数え方</source>
        <translation>Counting method</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>行事</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>受付名簿の行数</source>
        <translation>Rows in the reception list</translation>
    </message>
    <message>
        <source>当番表</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>例: 令和8年4月1日</source>
        <translation>e.g. 令和8年4月1日</translation>
    </message>
    <message>
        <source>期間の始まり</source>
        <translation>Start of the period</translation>
    </message>
    <message>
        <source>空欄なら決めてある所まで</source>
        <translation>Blank = up to the last decided date</translation>
    </message>
    <message>
        <source>期間の終わり</source>
        <translation>End of the period</translation>
    </message>
    <message>
        <source>から</source>
        <translation>from</translation>
    </message>
    <message>
        <source>まで</source>
        <translation>to</translation>
    </message>
    <message>
        <source>当番は「当番表」の「○月○日まで決める」で決めた分だけ印刷できます。</source>
        <translation>Only the duties decided with “Decide up to (date)” in “Duty roster” can be printed.</translation>
    </message>
    <message>
        <source>会計の年度</source>
        <translation>Accounting fiscal year</translation>
    </message>
    <message>
        <source>{label}（{state}）</source>
        <translation>{label} ({state})</translation>
    </message>
    <message>
        <source>集金簿と領収書は「班」で選んだ班の分です。決算書は締める前なら見込みの数字です。</source>
        <translation>The collection book and receipts are for the block chosen under “Block”. If the year has not been closed, the settlement figures are estimates.</translation>
    </message>
    <message>
        <source>印刷する行事がありません。先に「行事」で行事を登録してください。</source>
        <translation>There are no events to print. Please register an event under “Events” first.</translation>
    </message>
    <message>
        <source>印刷する当番表がありません。先に「当番表」で当番表を作り、「○月○日まで決める」で当番を決めてください。</source>
        <translation>There is no duty roster to print. Please create a duty roster under “Duty roster” first, and decide the duties with “Decide up to (date)”.</translation>
    </message>
    <message>
        <source>帳簿をつけている年度がありません。先に「会計・報告」で「年度を開く」を行ってください。</source>
        <translation>No fiscal year has accounts yet. Please use “Open fiscal year” under “Accounts &amp; reports” first.</translation>
    </message>
    <message>
        <source>{0}を作っています…</source>
        <translation>Creating {0}…</translation>
    </message>
    <message>
        <source>プレビューの作成を中止しました。</source>
        <translation>Preview creation was stopped.</translation>
    </message>
    <message>
        <source>{0}ページ・{1}件</source>
        <translation>{0} pages, {1} items</translation>
    </message>
    <message>
        <source>PDFの保存先</source>
        <translation>Where to save the PDF</translation>
    </message>
    <message>
        <source>保存できませんでした: {0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <source>保存しました: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>プリンターが使えません。接続と電源を確かめてください。</source>
        <translation>The printer cannot be used. Please check that it is connected and switched on.</translation>
    </message>
    <message>
        <source>印刷を中止しました（{0} / {1}ページ）。</source>
        <translation>Printing stopped ({0} / {1} pages).</translation>
    </message>
    <message>
        <source>印刷しました（{0}ページ）。</source>
        <translation>Printed ({0} pages).</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>同意と要配慮個人情報</source>
        <translation>Consent and sensitive personal information</translation>
    </message>
    <message>
        <source>名簿の配布や回覧など、役員の内部利用を超えて使うには、本人（または世帯）の同意が必要です。ここでの記録はすぐに保存され、履歴が残ります。</source>
        <translation>To use information beyond the officers&apos; internal use, such as handing out or circulating the member list, the consent of the person (or household) is needed. What you record here is saved immediately and a history is kept.</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>世帯全体</source>
        <translation>Whole household</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>いまの状態</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>同意日</source>
        <translation>Date of consent</translation>
    </message>
    <message>
        <source>例: 令和8年度 名簿調査票</source>
        <translation>e.g. 令和8年度 member survey form</translation>
    </message>
    <message>
        <source>様式</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>同意を記録</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>不同意を記録</source>
        <translation>Record refusal</translation>
    </message>
    <message>
        <source>撤回を記録</source>
        <translation>Record withdrawal</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>要配慮個人情報（健康・障害など）は、本人の同意を得て、必要なものだけを記録します。見た記録も残ります。一般の名簿や出力には含まれません。</source>
        <translation>Sensitive personal information (health, disability, etc.) is recorded only with the person&apos;s consent, and only what is necessary. Viewing it is also logged. It is not included in ordinary lists or exports.</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>本人の同意日</source>
        <translation>Date of the person&apos;s consent</translation>
    </message>
    <message>
        <source>記録する</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>要配慮個人情報</source>
        <translation>Sensitive personal information</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>未確認</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <source>撤回（{0}）</source>
        <translation>Withdrawn ({0})</translation>
    </message>
    <message>
        <source>不同意</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>（世帯の記録）</source>
        <translation>(household record)</translation>
    </message>
    <message>
        <source>記録しました。</source>
        <translation>Recorded.</translation>
    </message>
    <message>
        <source>⚠ 撤回できる同意がありません（世帯の記録は「世帯全体」で撤回します）。</source>
        <translation>⚠ There is no consent that can be withdrawn (household records are withdrawn under “Whole household”).</translation>
    </message>
    <message>
        <source>撤回を記録しました。</source>
        <translation>Withdrawal recorded.</translation>
    </message>
    <message>
        <source>要配慮個人情報は人ごとに記録します。上で人を選んでください。</source>
        <translation>Sensitive personal information is recorded for each person. Please select a person above.</translation>
    </message>
    <message>
        <source>⚠ 人を選んでください。</source>
        <translation>⚠ Please select a person.</translation>
    </message>
</context>
<context>
    <name>ProgramsDialog</name>
    <message>
        <source>補助制度の一覧</source>
        <translation>Subsidy programmes</translation>
    </message>
    <message>
        <source>補助制度ごとの決まり（補助率・上限・端数・段階・期限・添付書類）です。</source>
        <translation>The rules of each subsidy programme (subsidy rate, upper limit, rounding, stages, deadlines, required documents).</translation>
    </message>
    <message>
        <source>（使わなくなった制度）</source>
        <extracomment>the text shown for each program, by its name</extracomment>
        <translation>(programme no longer used)</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>補助金の入金を記録</source>
        <translation>Record subsidy payment received</translation>
    </message>
    <message>
        <source>入金を記録する</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <source>{program}「{title}」&#x3000;交付決定額 {granted}・入金済 {received}
入金の段階と、出納簿の収入（市補助金）を一緒に記録します。どちらか一方だけが残ることはありません。</source>
        <translation>{program} “{title}”   Grant decided: {granted} · Received so far: {received}
This records the payment stage and the cash book income (city subsidy) together. One is never saved without the other.</translation>
    </message>
    <message>
        <source>入金額（円）</source>
        <translation>Amount received (yen)</translation>
    </message>
    <message>
        <source>入金額</source>
        <translation>Amount received</translation>
    </message>
    <message>
        <source>入金日</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>口座</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>理由・メモ</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <source>⚠ 「{steps}」がまだ記録されていません。このまま入金にするときは、とばす理由を「理由・メモ」に書いてください。</source>
        <translation>⚠ “{steps}” has not been recorded yet. To record the payment anyway, please write the reason for skipping in “Reason / note”.</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>この入金について</source>
        <translation>About this payment</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>復旧シート</source>
        <translation>Recovery sheet</translation>
    </message>
    <message>
        <source>役員全員がパスワードを忘れたときは、この「復旧コード」で台帳を開けます。
この画面にしか表示されません。復旧シートを印刷して、通帳や印鑑と同じように保管してください。</source>
        <translation>If all officers forget their passwords, this “recovery code” can open the register.
It is shown only on this screen. Print the recovery sheet and keep it as safely as the bank book and the seal.</translation>
    </message>
    <message>
        <source>復旧コード</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>復旧シートをPDFで保存して印刷する…</source>
        <translation>Save the recovery sheet as PDF and print…</translation>
    </message>
    <message>
        <source>復旧コードを印刷（または書き写）して保管しました</source>
        <translation>I have printed (or written down) the recovery code and put it somewhere safe</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>復旧シートの保存先</source>
        <translation>Where to save the recovery sheet</translation>
    </message>
    <message>
        <source>{0}_復旧シート.pdf</source>
        <translation>{0}_recovery_sheet.pdf</translation>
    </message>
    <message>
        <source>保存しました: {0}
印刷したら、このPDFファイルは削除してください。</source>
        <translation>Saved: {0}
After printing, please delete this PDF file.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>名簿（世帯の一覧）</source>
        <translation>Register (list of households)</translation>
    </message>
    <message>
        <source>名前・フリガナで検索</source>
        <translation>Search by name or furigana</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>ひらがな・カタカナ、全角・半角、髙・高などの違いは気にせず検索できます</source>
        <translation>You can search without worrying about hiragana or katakana, full-width or half-width, or variant characters such as 髙 and 高</translation>
    </message>
    <message>
        <source>検索:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <source>班で絞り込み</source>
        <translation>Filter by block</translation>
    </message>
    <message>
        <source>状態で絞り込み</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>回覧順</source>
        <translation>Circulation order</translation>
    </message>
    <message>
        <source>五十音順</source>
        <translation>Japanese alphabetical order (a-i-u-e-o)</translation>
    </message>
    <message>
        <source>並び順</source>
        <translation>Sort order</translation>
    </message>
    <message>
        <source>班:</source>
        <translation>Block:</translation>
    </message>
    <message>
        <source>状態:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>並び順:</source>
        <translation>Sort by:</translation>
    </message>
    <message>
        <source>世帯の一覧</source>
        <translation>List of households</translation>
    </message>
    <message>
        <source>世帯を追加</source>
        <translation>Add household</translation>
    </message>
    <message>
        <source>開く・編集</source>
        <translation>Open / edit</translation>
    </message>
    <message>
        <source>回覧順を上へ</source>
        <translation>Move up in circulation order</translation>
    </message>
    <message>
        <source>回覧順を下へ</source>
        <translation>Move down in circulation order</translation>
    </message>
    <message>
        <source>班を追加</source>
        <translation>Add block</translation>
    </message>
    <message>
        <source>すべての班</source>
        <translation>All blocks</translation>
    </message>
    <message>
        <source>{n}世帯を表示</source>
        <translation>Showing {n} households</translation>
    </message>
    <message>
        <source>回覧順を変えるには、並び順を「回覧順」にしてください</source>
        <translation>To change the circulation order, set the sort order to “Circulation order”</translation>
    </message>
    <message>
        <source>名簿</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>一覧から世帯を選んでください。</source>
        <translation>Please select a household in the list.</translation>
    </message>
    <message>
        <source>新しい班の名前（例: 12班）:</source>
        <translation>Name of the new block (e.g. 12班):</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>年次報告</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <source>市や校下に出す年次報告（町会の概要・班別世帯数・事業報告・収支決算・地域課題）を、Excel と PDF の二つのファイルで作ります。作る前に、下の数字と ⚠ の行を確かめてください。</source>
        <translation>Creates the annual report for the city or school district (association overview, households by block, activity report, financial statement, local issues) as two files, Excel and PDF. Before creating it, please check the figures below and any lines marked ⚠.</translation>
    </message>
    <message>
        <source>報告する年度</source>
        <translation>Fiscal year to report</translation>
    </message>
    <message>
        <source>基準日</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>世帯数・人数を数える日です（ふつうは年度の最後の日）</source>
        <translation>The day on which households and people are counted (usually the last day of the fiscal year)</translation>
    </message>
    <message>
        <source>基準日（世帯・人数を数える日）</source>
        <translation>Reference date (the day households and people are counted)</translation>
    </message>
    <message>
        <source>年度末に戻す</source>
        <translation>Reset to year end</translation>
    </message>
    <message>
        <source>基準日を年度の最後の日（年度の途中なら今日）に戻します</source>
        <translation>Sets the reference date back to the last day of the fiscal year (or today, if the year is still in progress)</translation>
    </message>
    <message>
        <source>報告書の様式</source>
        <translation>Report form</translation>
    </message>
    <message>
        <source>市の様式を登録…</source>
        <translation>Register city form…</translation>
    </message>
    <message>
        <source>報告書の主な数字</source>
        <translation>Main figures in the report</translation>
    </message>
    <message>
        <source>報告書について気をつけること</source>
        <translation>Points to check in the report</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>保存したフォルダーを開く</source>
        <translation>Open the folder where it was saved</translation>
    </message>
    <message>
        <source>登録した市の様式</source>
        <translation>Registered city forms</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>様式のファイル</source>
        <translation>Form file</translation>
    </message>
    <message>
        <source>対応</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>登録日</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>登録した人</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>JSONに書き出す…</source>
        <translation>Export to JSON…</translation>
    </message>
    <message>
        <source>使わない…</source>
        <translation>Stop using…</translation>
    </message>
    <message>
        <source>基準日を入れてください（例: 令和8年3月31日）。</source>
        <translation>Please enter the reference date (e.g. 令和8年3月31日).</translation>
    </message>
    <message>
        <source>基準日「{text}」が日付として読めません（例: 令和8年3月31日）。</source>
        <translation>The reference date “{text}” cannot be read as a date (e.g. 令和8年3月31日).</translation>
    </message>
    <message>
        <source>{name}（市の様式）</source>
        <translation>{name} (city form)</translation>
    </message>
    <message>
        <source>{year}の年次報告</source>
        <translation>Annual report for {year}</translation>
    </message>
    <message>
        <source>台帳が開かれていません。</source>
        <translation>No register is open.</translation>
    </message>
    <message>
        <source>空欄の必須項目はありません。</source>
        <translation>No required items are blank.</translation>
    </message>
    <message>
        <source>様式「{form}」の表「{table}」には{max_rows}行までしか入りませんが、この年度は{n}行あります。様式を登録し直すか、{default}で作ってください。</source>
        <translation>The table “{table}” in the form “{form}” has room for only {max_rows} rows, but this fiscal year has {n} rows. Please register the form again, or create the report with {default}.</translation>
    </message>
    <message>
        <source>年次報告は町会全体の数を載せるため、すべての班を扱える役割の方が作ってください。</source>
        <translation>The annual report contains figures for the whole association, so it should be created by someone whose role covers all blocks.</translation>
    </message>
    <message>
        <source>選んだ年度の年次報告を、Excel と PDF で保存します（フォルダーを選びます）</source>
        <translation>Saves the annual report for the selected fiscal year as Excel and PDF (you choose a folder)</translation>
    </message>
    <message>
        <source>年度が決まっていません</source>
        <translation>No fiscal year has been chosen</translation>
    </message>
    <message>
        <source>市や校下から届いた Excel の様式を登録し、項目とセルを対応づけます</source>
        <translation>Registers an Excel form sent by the city or school district, and links its items to cells</translation>
    </message>
    <message>
        <source>選んだ様式を、これからの報告で使わなくします（登録は残ります）</source>
        <translation>Stops using the selected form for future reports (it stays registered)</translation>
    </message>
    <message>
        <source>様式を一覧で選んでください</source>
        <translation>Please select a form in the list</translation>
    </message>
    <message>
        <source>選んだ様式の対応表を JSON で保存します（校下に渡すため）</source>
        <translation>Saves the mapping of the selected form as JSON (to pass on to the school district)</translation>
    </message>
    <message>
        <source>年次報告の保存先のフォルダー</source>
        <translation>Folder to save the annual report in</translation>
    </message>
    <message>
        <source>{year}の年次報告を作っています…</source>
        <translation>Creating the annual report for {year}…</translation>
    </message>
    <message>
        <source>{exc}
（報告書は作っていません。ファイルは何も保存していません。）</source>
        <translation>{exc}
(The report was not created. No files were saved.)</translation>
    </message>
    <message>
        <source>年次報告を作りました（基準日 {as_of}）。
Excel: {xlsx}
PDF: {pdf}
保存先: {folder}</source>
        <translation>The annual report has been created (reference date {as_of}).
Excel: {xlsx}
PDF: {pdf}
Saved in: {folder}</translation>
    </message>
    <message>
        <source>市の様式（Excel）を選ぶ</source>
        <translation>Choose a city form (Excel)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx *.xlsm);;すべて (*)</source>
        <translation>Excel (*.xlsx *.xlsm);;All (*)</translation>
    </message>
    <message>
        <source>{exc}
（様式は登録していません。）</source>
        <translation>{exc}
(The form was not registered.)</translation>
    </message>
    <message>
        <source>
・{problem}</source>
        <translation>
・{problem}</translation>
    </message>
    <message>
        <source>様式「{name}」を登録しました。報告書の様式で選べます。{notes}</source>
        <translation>The form “{name}” has been registered. You can choose it under Report form.{notes}</translation>
    </message>
    <message>
        <source>対応表の保存先</source>
        <translation>Where to save the mapping</translation>
    </message>
    <message>
        <source>{name}_対応表.json</source>
        <translation>{name}_mapping.json</translation>
    </message>
    <message>
        <source>対応表を保存しました: {path}</source>
        <translation>Mapping saved: {path}</translation>
    </message>
    <message>
        <source>様式を使わない</source>
        <translation>Stop using form</translation>
    </message>
    <message>
        <source>様式「{name}」を、これからの報告書で使わなくします。登録は残るため、過去の報告書は作り直せます。よろしいですか？</source>
        <translation>The form “{name}” will no longer be used for future reports. It stays registered, so past reports can still be recreated. Continue?</translation>
    </message>
    <message>
        <source>使わなくする</source>
        <translation>Stop using</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>様式「{name}」を使わなくしました（登録は残っています）。</source>
        <translation>The form “{name}” is no longer used (it is still registered).</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source>転出・退会・死亡から決めた年数がたった人の記録を、まとめて消去できます。消去した人の名前は、操作の記録からも消えます（件数と日付だけが残ります）。</source>
        <translation>You can erase, all at once, the records of people who moved out, left the association or died more than a set number of years ago. The names of erased people are also removed from the activity log (only the number and the date remain).</translation>
    </message>
    <message>
        <source>離れてから</source>
        <translation>Left</translation>
    </message>
    <message>
        <source> 年より前</source>
        <translation> or more years ago</translation>
    </message>
    <message>
        <source>何年より前に離れた人の記録か</source>
        <translation>How many years ago the people left</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>世帯ごと</source>
        <translation>Whole household</translation>
    </message>
    <message>
        <source>この人たちの記録を消去する…</source>
        <translation>Erase these people&apos;s records…</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>{0}人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>記録の消去</source>
        <translation>Erase records</translation>
    </message>
    <message>
        <source>{0}人の記録を消去します。消去の前にバックアップを作りますが、台帳からは元に戻せません。（バックアップは最長12か月で自動的に消えます）</source>
        <translation>The records of {0} people will be erased. A backup is made before erasing, but they cannot be restored within the register. (Backups are deleted automatically after at most 12 months.)</translation>
    </message>
    <message>
        <source>消去する</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0}世帯・{1}人の記録を消去しました。</source>
        <translation>Erased the records of {0} households and {1} people.</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <source>廃棄にする</source>
        <translation>Mark as disposed of</translation>
    </message>
    <message>
        <source>「{0}」（{1}）を台帳の一覧から外します。登録の記録は残ります。</source>
        <translation>Removes “{0}” ({1}) from the register list. The registration record is kept.</translation>
    </message>
    <message>
        <source>廃棄日</source>
        <translation>Disposal date</translation>
    </message>
    <message>
        <source>例: 使用期限切れ、破損、市へ返却</source>
        <translation>e.g. Expired, broken, returned to the city</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReverseEntryDialog</name>
    <message>
        <source>記帳の取り消し</source>
        <translation>Cancel an entry</translation>
    </message>
    <message>
        <source>この記帳を取り消す</source>
        <translation>Cancel this entry</translation>
    </message>
    <message>
        <source>出納簿 No.{no}（{date}&#x3000;{kind}&#x3000;{what}&#x3000;{amount}）を取り消します。元の記帳は消えずに残り、同じ額をマイナスにした「取消」の記帳が加わります。この記帳で入れた会費の入金は、未記帳に戻ります。</source>
        <translation>Cancels cash book entry No.{no} ({date}  {kind}  {what}  {amount}). The original entry is kept, and a “cancellation” entry for the same amount as a minus figure is added. Dues payments entered with this entry go back to “not yet entered”.</translation>
    </message>
    <message>
        <source>取り消す理由</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>例: 金額の打ちまちがい</source>
        <translation>e.g. Typed the wrong amount</translation>
    </message>
</context>
<context>
    <name>RosterEditor</name>
    <message>
        <source>当番表 — {name}</source>
        <translation>Duty roster — {name}</translation>
    </message>
    <message>
        <source>当番表の作成</source>
        <translation>Create a duty roster</translation>
    </message>
    <message>
        <source>新しい当番表</source>
        <translation>New duty roster</translation>
    </message>
    <message>
        <source>閲覧のみです（当番表を変える権限がありません）。</source>
        <translation>View only (you do not have permission to change duty rosters).</translation>
    </message>
    <message>
        <source>例: 駅前ごみステーション当番</source>
        <translation>e.g. 駅前ごみステーション当番 (station-front garbage point duty)</translation>
    </message>
    <message>
        <source>例: 月〜金の朝、ネットを出して、収集後に片付け・清掃。分別違反には注意の紙を貼る。</source>
        <translation>e.g. Mon–Fri mornings: put out the net, tidy up and clean after collection. Put a notice on wrongly sorted garbage.</translation>
    </message>
    <message>
        <source>世帯ごと</source>
        <translation>By household</translation>
    </message>
    <message>
        <source>人ごと</source>
        <translation>By person</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>ごみステーション</source>
        <translation>Garbage collection point</translation>
    </message>
    <message>
        <source>選んだ世帯</source>
        <translation>Selected households</translation>
    </message>
    <message>
        <source>班長が作れるのは、自分の班の当番表だけです</source>
        <translation>A block leader can only create duty rosters for their own block</translation>
    </message>
    <message>
        <source>{name}（{n}世帯）</source>
        <translation>{name} ({n} households)</translation>
    </message>
    <message>
        <source>新しいステーション…</source>
        <translation>New collection point…</translation>
    </message>
    <message>
        <source>ごみステーションと、その利用世帯を登録します</source>
        <translation>Register a garbage collection point and the households that use it</translation>
    </message>
    <message>
        <source>利用世帯を変える…</source>
        <translation>Change the households…</translation>
    </message>
    <message>
        <source>このステーションを使う世帯と、その順番を変えます</source>
        <translation>Change which households use this collection point, and their order</translation>
    </message>
    <message>
        <source>順番</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>対象の世帯を回覧順に並べる</source>
        <translation>Sort households in circulation order</translation>
    </message>
    <message>
        <source>いまの対象（班・ステーション）の世帯を、回覧順に並べ直します。そこから上へ・下へで順番を変えてください</source>
        <translation>Re-sorts the households of the current target (block or collection point) in circulation order. Then use Up and Down to change the order</translation>
    </message>
    <message>
        <source>当番の順番</source>
        <translation>Duty order</translation>
    </message>
    <message>
        <source>間隔</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>{day}曜日</source>
        <translation>{day}</translation>
    </message>
    <message>
        <source>日にちで: 毎月</source>
        <translation>By date: day</translation>
    </message>
    <message>
        <source>曜日で: 毎月</source>
        <translation>By weekday: every month on the</translation>
    </message>
    <message>
        <source> 日</source>
        <translation> of every month</translation>
    </message>
    <message>
        <source>毎月の日にち</source>
        <translation>Day of the month</translation>
    </message>
    <message>
        <source>29日〜31日は、ない月があるため選べません</source>
        <translation>The 29th to 31st cannot be chosen, because some months do not have them</translation>
    </message>
    <message>
        <source>第何週</source>
        <translation>Week of the month</translation>
    </message>
    <message>
        <source>曜日</source>
        <translation>Day of the week</translation>
    </message>
    <message>
        <source>例: R8.6.14、令和8年6月14日</source>
        <translation>e.g. R8.6.14, 令和8年6月14日</translation>
    </message>
    <message>
        <source>当番の日を入力</source>
        <translation>Enter a duty date</translation>
    </message>
    <message>
        <source>日を加える</source>
        <translation>Add date</translation>
    </message>
    <message>
        <source>選んだ日を外す</source>
        <translation>Remove selected date</translation>
    </message>
    <message>
        <source>当番の日</source>
        <translation>Duty dates</translation>
    </message>
    <message>
        <source>行事の種類</source>
        <translation>Type of event</translation>
    </message>
    <message>
        <source>1回の人数</source>
        <translation>People per turn</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>例: R8.4.1、令和8年4月1日</source>
        <translation>e.g. R8.4.1, 令和8年4月1日</translation>
    </message>
    <message>
        <source>祝日は休む</source>
        <translation>No duty on public holidays</translation>
    </message>
    <message>
        <source>年末年始（12月29日〜1月3日）は休む</source>
        <translation>No duty over the New Year holidays (Dec 29 – Jan 3)</translation>
    </message>
    <message>
        <source>地域の休みの日は休む</source>
        <translation>No duty on local days off</translation>
    </message>
    <message>
        <source>地域の休みの日…</source>
        <translation>Local days off…</translation>
    </message>
    <message>
        <source>祭礼など、町内で当番を休む日を見る・登録する</source>
        <translation>View or register days when duties are paused in the neighbourhood, such as festivals</translation>
    </message>
    <message>
        <source>例: 75</source>
        <translation>e.g. 75</translation>
    </message>
    <message>
        <source>自動免除の年齢</source>
        <translation>Age for automatic exemption</translation>
    </message>
    <message>
        <source> 歳から</source>
        <translation> and over</translation>
    </message>
    <message>
        <source>当番をする年齢</source>
        <translation>Age for duty</translation>
    </message>
    <message>
        <source>例: 当番札とほうきは次の世帯へ回してください。</source>
        <translation>e.g. Please pass the duty card and the broom on to the next household.</translation>
    </message>
    <message>
        <source>歳以上だけの世帯は、自動で免除</source>
        <translation>and over: households with only people of this age are exempt automatically</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>当番の内容</source>
        <translation>What the duty involves</translation>
    </message>
    <message>
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>対象の班</source>
        <translation>Blocks included</translation>
    </message>
    <message>
        <source>ステーション</source>
        <translation>Collection point</translation>
    </message>
    <message>
        <source>毎月の日</source>
        <translation>Day each month</translation>
    </message>
    <message>
        <source>休み</source>
        <translation>Days off</translation>
    </message>
    <message>
        <source>自動免除</source>
        <translation>Automatic exemption</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>保存して閉じる</source>
        <translation>Save and close</translation>
    </message>
    <message>
        <source>当番表を保存します。明日以降の当番は新しい決め方で決め直します</source>
        <translation>Saves the duty roster. Duties from tomorrow on are reassigned using the new settings</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>変えた決め方は、明日以降の当番に使われます（今日までの当番はそのままです）。</source>
        <translation>Changed settings are used for duties from tomorrow on (duties up to today stay as they are).</translation>
    </message>
    <message>
        <source>選んだ{unit}</source>
        <translation>Selected {unit}</translation>
    </message>
    <message>
        <source>{unit}ずつ</source>
        <translation>One {unit} at a time</translation>
    </message>
    <message>
        <source>歳以上の人は、自動で免除</source>
        <translation>and over: people of this age are exempt automatically</translation>
    </message>
    <message>
        <source>選んだ{unit}を、下の順番どおりに回ります。</source>
        <translation>The duty goes round the selected {unit} in the order below.</translation>
    </message>
    <message>
        <source>「回覧順」はステーションの利用者の番号順です。</source>
        <translation>“Circulation order” here is the order of the collection point&apos;s users by number.</translation>
    </message>
    <message>
        <source>名簿から{unit}を探して加え、上へ・下へで順番を決めます。</source>
        <translation>Search the register for a {unit} to add, and set the order with Up and Down.</translation>
    </message>
    <message>
        <source>いまの対象を回覧順に並べてから、上へ・下へで順番を変えてください。ここにない世帯（新しく入った世帯など）は、最後に回ります。</source>
        <translation>Sort the current target in circulation order, then change the order with Up and Down. Households not listed here (such as newly joined households) come last.</translation>
    </message>
    <message>
        <source>毎日、1{unit}ずつ交代します。</source>
        <translation>Changes every day, one {unit} at a time.</translation>
    </message>
    <message>
        <source>選んだ曜日の1週間を、1{unit}が受け持ちます（例: 月〜金）。</source>
        <translation>One {unit} takes a whole week of the selected weekdays (e.g. Mon–Fri).</translation>
    </message>
    <message>
        <source>選んだ曜日ごとに、1{unit}ずつ交代します。</source>
        <translation>Changes on each selected weekday, one {unit} at a time.</translation>
    </message>
    <message>
        <source>毎月決まった日に交代します。休みの日に当たると、その月の次の日になります。</source>
        <translation>Changes on a fixed day each month. If that falls on a day off, it moves to the next day in that month.</translation>
    </message>
    <message>
        <source>下に入れた日だけ当番があります。</source>
        <translation>There is duty only on the dates entered below.</translation>
    </message>
    <message>
        <source>選んだ種類の行事がある日に当番があります（中止の行事は除く）。</source>
        <translation>There is duty on days with an event of the selected type (cancelled events excluded).</translation>
    </message>
    <message>
        <source>空欄なら、年齢による自動の免除はありません。</source>
        <translation>If left blank, there is no automatic exemption by age.</translation>
    </message>
    <message>
        <source>{age}歳以上の人だけの世帯は、当番を自動で免除します（当番の予定と「免除」に理由が出ます）。</source>
        <translation>Households where everyone is {age} or older are automatically exempt from duty (the reason is shown in the duty schedule and under “Exempt”).</translation>
    </message>
    <message>
        <source>{age}歳になった人は、当番を自動で免除します。</source>
        <translation>People who have reached {age} are automatically exempt from duty.</translation>
    </message>
    <message>
        <source>（まだありません。「新しいステーション…」で登録してください）</source>
        <translation>(None yet. Please register one with “New collection point…”)</translation>
    </message>
    <message>
        <source>作った後は、世帯ごと・人ごとは変えられません</source>
        <translation>After creating it, you cannot switch between by household and by person</translation>
    </message>
    <message>
        <source>日付として読めません: 「{text}」（例: 令和8年6月14日、R8.6.14）</source>
        <translation>This cannot be read as a date: “{text}” (e.g. 令和8年6月14日, R8.6.14)</translation>
    </message>
    <message>
        <source>対象の{unit}がいません。先に対象の班やステーションを選んでください。</source>
        <translation>There is no {unit} to include. Please choose the blocks or collection point first.</translation>
    </message>
    <message>
        <source>数字で入力してください（例: 75）。免除しないなら空欄にします。「{text}」</source>
        <translation>Please enter a number (e.g. 75). Leave it blank for no exemption. “{text}”</translation>
    </message>
    <message>
        <source>当番を始める日を入力してください。</source>
        <translation>Please enter the date the duty starts.</translation>
    </message>
    <message>
        <source>✓ 当番表「{name}」を作りました。下の「○月○日まで決める」で当番を決めてください。</source>
        <translation>✓ Duty roster “{name}” created. Use “Decide until …” below to assign the duties.</translation>
    </message>
    <message>
        <source>✓ 当番表「{name}」を保存しました。明日以降の当番は新しい決め方で決め直しました。</source>
        <translation>✓ Duty roster “{name}” saved. Duties from tomorrow on were reassigned using the new settings.</translation>
    </message>
</context>
<context>
    <name>RosterListModel</name>
    <message>
        <source>{n}世帯</source>
        <translation>{n} households</translation>
    </message>
    <message>
        <source>{n}人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>当番中 {day} {member}</source>
        <translation>On duty {day}: {member}</translation>
    </message>
    <message>
        <source>{date}まで</source>
        <translation>Until {date}</translation>
    </message>
    <message>
        <source>まだ決めていません</source>
        <translation>Not assigned yet</translation>
    </message>
    <message>
        <source>{day}からの当番: {member}</source>
        <translation>On duty from {day}: {member}</translation>
    </message>
    <message>
        <source>{name}: 名簿が変わったため（転入・転出など）、明日以降の当番を決め直してください</source>
        <translation>{name}: the member list has changed (moving in or out, etc.), so please reassign duties from tomorrow on</translation>
    </message>
</context>
<context>
    <name>RostersPage</name>
    <message>
        <source>当番表</source>
        <translation>Duty rosters</translation>
    </message>
    <message>
        <source>閲覧のみ: 当番表を作ったり変えたりする権限がありません（役員・班長・管理者ができます）。</source>
        <translation>View only: you do not have permission to create or change duty rosters (officers, block leaders and administrators can).</translation>
    </message>
    <message>
        <source>名簿が変わったお知らせ</source>
        <translation>The member list has changed</translation>
    </message>
    <message>
        <source>決め直す</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <source>名簿の変更（転入・転出など）に合わせて、明日以降の当番を決め直します。今日までの当番はそのままです。</source>
        <translation>Reassigns turns from tomorrow on to match changes in the member list (people moving in or out, etc.). Turns up to today stay as they are.</translation>
    </message>
    <message>
        <source>当番表の一覧</source>
        <translation>List of duty rosters</translation>
    </message>
    <message>
        <source>新しい当番表…</source>
        <translation>New duty roster…</translation>
    </message>
    <message>
        <source>新しい当番表を作ります（Ctrl+N）</source>
        <translation>Create a new duty roster (Ctrl+N)</translation>
    </message>
    <message>
        <source>開く・変更…</source>
        <translation>Open / change…</translation>
    </message>
    <message>
        <source>選んだ当番表の決め方を見る・変える（ダブルクリックでも開きます）</source>
        <translation>View or change how the selected roster assigns turns (you can also double-click)</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>使わなくなった当番表をやめます。これまでの記録は残ります</source>
        <translation>Retires a roster you no longer use. Its records are kept</translation>
    </message>
    <message>
        <source>地域の休みの日…</source>
        <translation>Local holidays…</translation>
    </message>
    <message>
        <source>祭礼など、町内で当番を休む日を登録します</source>
        <translation>Register days when turns are skipped in the neighbourhood, such as festival days</translation>
    </message>
    <message>
        <source>当番の予定・回数・免除の切り替え</source>
        <translation>Duty schedule, counts and exemptions</translation>
    </message>
    <message>
        <source>当番の予定</source>
        <translation>Duty schedule</translation>
    </message>
    <message>
        <source>世帯ごとの回数</source>
        <translation>Turns per household</translation>
    </message>
    <message>
        <source>免除</source>
        <translation>Exemptions</translation>
    </message>
    <message>
        <source>上の一覧で当番表を選ぶと、ここに当番の予定が出ます。</source>
        <translation>Select a duty roster in the list above to see its schedule here.</translation>
    </message>
    <message>
        <source>表示する当番</source>
        <translation>Turns to show</translation>
    </message>
    <message>
        <source>これから: 先週の当番から先 / 今年度: 4月から3月まで / すべて: 最初の当番から</source>
        <translation>Upcoming: from last week&apos;s turns on / This fiscal year: April to March / All: from the very first turn</translation>
    </message>
    <message>
        <source>表示:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>いつまでの当番を決めるか</source>
        <translation>Assign turns up to which date</translation>
    </message>
    <message>
        <source>「令和9年3月31日」「R9.3.31」「2027/3/31」などの書き方で入力できます</source>
        <translation>You can type dates like “令和9年3月31日”, “R9.3.31” or “2027/3/31”</translation>
    </message>
    <message>
        <source>いつまで:</source>
        <translation>Up to:</translation>
    </message>
    <message>
        <source>○月○日まで決める</source>
        <translation>Assign up to M/D</translation>
    </message>
    <message>
        <source>その日までの当番を、いまの順番の続きから決めます。決めた当番はそのまま残ります</source>
        <translation>Assigns turns up to that date, continuing from the current order. Turns already assigned stay as they are</translation>
    </message>
    <message>
        <source>この2つを交代</source>
        <translation>Swap these two</translation>
    </message>
    <message>
        <source>一覧で当番を2つ選ぶと（Ctrlを押しながらクリック）、2つの担当を入れ替えます</source>
        <translation>Select two turns in the list (hold Ctrl and click) to swap who does them</translation>
    </message>
    <message>
        <source>代わりの人を記録…</source>
        <translation>Record a stand-in…</translation>
    </message>
    <message>
        <source>選んだ当番をほかの人が代わりにするときに記録します。代わってもらった人は、あとで1回返します</source>
        <translation>Record that someone else is doing the selected turn. The person who was covered will do one turn in return later</translation>
    </message>
    <message>
        <source>済</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>選んだ当番を「済」にします（始まった当番だけ）</source>
        <translation>Mark the selected turns as “Done” (only turns that have started)</translation>
    </message>
    <message>
        <source>欠</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>選んだ当番を「欠」（しなかった）にします（始まった当番だけ）</source>
        <translation>Mark the selected turns as “Missed” (not done) (only turns that have started)</translation>
    </message>
    <message>
        <source>済・欠を消す</source>
        <translation>Clear Done/Missed</translation>
    </message>
    <message>
        <source>まちがえて付けた済・欠を消します</source>
        <translation>Clears a Done or Missed mark added by mistake</translation>
    </message>
    <message>
        <source>回数の差</source>
        <translation>Difference in turns</translation>
    </message>
    <message>
        <source>世帯を選ぶと、その世帯の当番の記録が出ます。</source>
        <translation>Select a household to see its duty record.</translation>
    </message>
    <message>
        <source>選んだ世帯の当番の記録</source>
        <translation>Duty record of the selected household</translation>
    </message>
    <message>
        <source>免除を記録…</source>
        <translation>Record an exemption…</translation>
    </message>
    <message>
        <source>当番をしない世帯（人）と、その理由・期間を記録します</source>
        <translation>Record a household (or person) that does not take turns, with the reason and period</translation>
    </message>
    <message>
        <source>免除を終える…</source>
        <translation>End an exemption…</translation>
    </message>
    <message>
        <source>右の一覧で選んだ免除を終える日を記録します。次の日から当番に戻ります</source>
        <translation>Record the end date of the exemption selected in the list on the right. They take turns again from the next day</translation>
    </message>
    <message>
        <source>今日の当番の対象</source>
        <translation>Who takes turns today</translation>
    </message>
    <message>
        <source>記録した免除（選んで「免除を終える…」）</source>
        <translation>Recorded exemptions (select one, then “End an exemption…”)</translation>
    </message>
    <message>
        <source>記録した免除</source>
        <translation>Recorded exemptions</translation>
    </message>
    <message>
        <source>当番表はまだありません。
「新しい当番表…」を押して作ってください。</source>
        <translation>There are no duty rosters yet.
Press “New duty roster…” to create one.</translation>
    </message>
    <message>
        <source>当番表はまだありません。</source>
        <translation>There are no duty rosters yet.</translation>
    </message>
    <message>
        <source>「{name}」</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source> ほか{n}件</source>
        <translation> and {n} more</translation>
    </message>
    <message>
        <source>決め直しが必要な当番表: {names}</source>
        <translation>Rosters that need reassigning: {names}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>名簿が変わりました（転入・転出など）。明日以降の当番を決め直してください。
対象: {names}</source>
        <translation>The member list has changed (people moving in or out, etc.). Please reassign turns from tomorrow on.
Rosters: {names}</translation>
    </message>
    <message>
        <source>（決め直しは役員・班長・管理者ができます）</source>
        <translation>(Officers, block leaders and administrators can reassign.)</translation>
    </message>
    <message>
        <source>まだ当番を決めていません。
上の「○月○日まで決める」を押すと、順番に当番を決めます。</source>
        <translation>No turns have been assigned yet.
Press “Assign up to M/D” above to assign turns in order.</translation>
    </message>
    <message>
        <source>まだ当番を決めていません。</source>
        <translation>No turns have been assigned yet.</translation>
    </message>
    <message>
        <source>この期間の当番はありません。
「表示」で「すべて」を選ぶと、これまでの当番も見られます。</source>
        <translation>There are no turns in this period.
Choose “All” under “Show” to see earlier turns too.</translation>
    </message>
    <message>
        <source>{n}回分を表示</source>
        <translation>Showing {n} turns</translation>
    </message>
    <message>
        <source>{unit}ごとの回数</source>
        <translation>Turns per {unit}</translation>
    </message>
    <message>
        <source>世帯</source>
        <translation>household</translation>
    </message>
    <message>
        <source>人</source>
        <translation>person</translation>
    </message>
    <message>
        <source>これまでのすべての当番</source>
        <translation>All turns so far</translation>
    </message>
    <message>
        <source>今年度（{start}〜{end}）</source>
        <translation>This fiscal year ({start}–{end})</translation>
    </message>
    <message>
        <source>いちばん多い{people}と少ない{people}の差: {n}回（{window}、ずっと当番の対象だった{people}の中で）</source>
        <translation>Difference between the most and the fewest turns per {people}: {n} ({window}; counting only those on the roster the whole time)</translation>
    </message>
    <message>
        <source>今日（{day}）の当番の対象: {n}{unit}・しない{unit} {off}</source>
        <translation>Taking turns today ({day}): {n} · not taking turns: {off} (counted per {unit})</translation>
    </message>
    <message>
        <source>一覧で選ぶと、その当番の記録が出ます。</source>
        <translation>Select a turn in the list to see its record.</translation>
    </message>
    <message>
        <source>{name}さんの当番の記録（{n}回、新しい順）</source>
        <translation>Duty record for {name} ({n} turns, newest first)</translation>
    </message>
    <message>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>地域の休みの日を見る（登録・取り消しは管理者ができます）</source>
        <translation>View local holidays (administrators can add or remove them)</translation>
    </message>
    <message>
        <source>{month}月{day}日まで決める</source>
        <translation>Assign up to {month}/{day}</translation>
    </message>
    <message>
        <source>まだ始まっていない当番には、済・欠をつけられません</source>
        <translation>Turns that have not started yet cannot be marked Done or Missed</translation>
    </message>
    <message>
        <source>選んだ当番を「{mark}」にします（始まった当番だけ）</source>
        <translation>Mark the selected turns as “{mark}” (only turns that have started)</translation>
    </message>
    <message>
        <source>一覧から当番表を選んでください。</source>
        <translation>Please select a duty roster in the list.</translation>
    </message>
    <message>
        <source>当番表をやめる</source>
        <translation>Retire duty roster</translation>
    </message>
    <message>
        <source>「{name}」をやめますか？
今日までの当番の記録は残ります。明日からの当番は取り消されます。</source>
        <translation>Retire “{name}”?
The duty record up to today is kept. Turns from tomorrow on will be cancelled.</translation>
    </message>
    <message>
        <source>やめない</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>✓ 「{name}」をやめました（記録は残っています）。</source>
        <translation>✓ Retired “{name}” (its records are kept).</translation>
    </message>
    <message>
        <source>✓ 地域の休みの日を変えました。「地域の休みの日は休む」当番表は、明日以降の当番を決め直しました。</source>
        <translation>✓ Local holidays changed. Rosters set to “skip local holidays” have had their turns from tomorrow on reassigned.</translation>
    </message>
    <message>
        <source>「{name}」: ⚠ {problem}</source>
        <translation>“{name}”: ⚠ {problem}</translation>
    </message>
    <message>
        <source>明日以降の当番はまだ決めていなかったので、変わりません。</source>
        <translation>No turns from tomorrow on had been assigned yet, so nothing changes.</translation>
    </message>
    <message>
        <source>「{name}」: {text}</source>
        <translation>“{name}”: {text}</translation>
    </message>
    <message>
        <source>✓ 明日以降の当番を決め直しました。
</source>
        <translation>✓ Turns from tomorrow on have been reassigned.
</translation>
    </message>
    <message>
        <source>いつまで: 日付として読めません: 「{text}」</source>
        <translation>Up to: cannot read this as a date: “{text}”</translation>
    </message>
    <message>
        <source>{date}までの当番は、もう決まっています。</source>
        <translation>Turns up to {date} are already assigned.</translation>
    </message>
    <message>
        <source>交代する当番を2つ選んでください（Ctrlを押しながらクリック）。</source>
        <translation>Please select the two turns to swap (hold Ctrl and click).</translation>
    </message>
    <message>
        <source>✓ {day_a}の{member_a}さんと、{day_b}の{member_b}さんの当番を交代しました。</source>
        <translation>✓ Swapped the turns of {member_a} ({day_a}) and {member_b} ({day_b}).</translation>
    </message>
    <message>
        <source>代わりの人を記録する当番を1つ選んでください。</source>
        <translation>Please select one turn to record a stand-in for.</translation>
    </message>
    <message>
        <source>済・欠を消しました</source>
        <translation>cleared of Done/Missed marks</translation>
    </message>
    <message>
        <source>「{mark}」にしました</source>
        <translation>marked “{mark}”</translation>
    </message>
    <message>
        <source>✓ {n}件の当番を{what}。</source>
        <translation>✓ {n} turn(s) {what}.</translation>
    </message>
</context>
<context>
    <name>SafetyTab</name>
    <message>
        <source>安否確認の記録</source>
        <translation>Safety check records</translation>
    </message>
    <message>
        <source>安否確認を始める…</source>
        <translation>Start safety check…</translation>
    </message>
    <message>
        <source>訓練か災害の安否確認を始めます</source>
        <translation>Starts a safety check for a drill or a disaster</translation>
    </message>
    <message>
        <source>訓練や災害のときに、一人ずつ無事かどうかを記録します。班ごとの集計と、まだ確認できていない人がすぐに分かります。下の一覧から選んで「開く」を押すと、結果を見たり続きを入力したりできます。</source>
        <translation>During a drill or a disaster, record one by one whether each person is safe. You can see the totals by block and who has not been checked yet at a glance. Select a check in the list below and press “Open” to see the results or continue entering.</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>開始</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>確認済み</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>全員の確認まで</source>
        <translation>Time to check everyone</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>安否確認の一覧</source>
        <translation>List of safety checks</translation>
    </message>
    <message>
        <source>閲覧のみ: 安否確認を始めたり記録したりする権限がありません（役員・班長が記録できます）。</source>
        <translation>View only: you do not have permission to start or record safety checks (officers and block leaders can record them).</translation>
    </message>
    <message>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>選んだ安否確認の結果を見る・続きを入力する（ダブルクリックでも開きます）</source>
        <translation>View the results of the selected safety check or continue entering (double-click also opens it)</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>実施中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>{0:,} / {1:,}人</source>
        <translation>{0:,} / {1:,}</translation>
    </message>
    <message>
        <source>{0}件（実施中 {1}件）</source>
        <translation>{0} checks ({1} in progress)</translation>
    </message>
    <message>
        <source>まだ安否確認の記録はありません。</source>
        <translation>There are no safety check records yet.</translation>
    </message>
    <message>
        <source>実施中の安否確認はありません。</source>
        <translation>No safety check is in progress.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>会費の種類</source>
        <translation>Dues type</translation>
    </message>
    <message>
        <source>当てはまる世帯</source>
        <translation>Households it applies to</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>追加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>変更…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>使わなくする</source>
        <translation>Stop using</translation>
    </message>
    <message>
        <source>会費の種類（上から順に当てはめます）</source>
        <translation>Dues types (applied from the top down)</translation>
    </message>
    <message>
        <source>期別ごとの額</source>
        <translation>Amount per instalment</translation>
    </message>
    <message>
        <source>年額</source>
        <translation>Annual amount</translation>
    </message>
    <message>
        <source>この年度の会費の額</source>
        <translation>Dues amounts for this fiscal year</translation>
    </message>
    <message>
        <source>会費の額を決める…</source>
        <translation>Set dues amounts…</translation>
    </message>
    <message>
        <source>収支</source>
        <translation>Income/Expense</translation>
    </message>
    <message>
        <source>科目</source>
        <translation>Account item</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>使っていない</source>
        <translation>Not in use</translation>
    </message>
    <message>
        <source>自動</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>名前を変える…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>口座</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>金融機関・支店</source>
        <translation>Bank / branch</translation>
    </message>
    <message>
        <source>年度初めの残高</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <source>口座を追加…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>年度初めの残高…</source>
        <translation>Opening balance…</translation>
    </message>
    <message>
        <source>口座（現金・預金）</source>
        <translation>Accounts (cash and bank)</translation>
    </message>
    <message>
        <source>負担金</source>
        <translation>Levy</translation>
    </message>
    <message>
        <source>納め先</source>
        <translation>Paid to</translation>
    </message>
    <message>
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>単価</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>校下</source>
        <translation>School district</translation>
    </message>
    <message>
        <source>校下への負担金の単価</source>
        <translation>Levy rates for the school district (kōka)</translation>
    </message>
    <message>
        <source>消す</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>校下への負担金の単価（この年度）</source>
        <translation>Levy rates for the school district (this fiscal year)</translation>
    </message>
    <message>
        <source>年度がまだ開かれていません。</source>
        <translation>The fiscal year has not been opened yet.</translation>
    </message>
    <message>
        <source>期別と納期限: </source>
        <translation>Instalments and due dates: </translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{label}（{day}まで）</source>
        <translation>{label} (by {day})</translation>
    </message>
    <message>
        <source>まだ決まっていません。「会費の額を決める」で決めてください。</source>
        <translation>Not set yet. Please set them with “Set dues amounts”.</translation>
    </message>
    <message>
        <source>{label} {amount}円</source>
        <translation>{label}: {amount} yen</translation>
    </message>
    <message>
        <source>一覧で選んでください</source>
        <translation>Please select one in the list</translation>
    </message>
    <message>
        <source>会費の種類を追加します</source>
        <translation>Add a dues type</translation>
    </message>
    <message>
        <source>選んだ会費の種類を変えます</source>
        <translation>Change the selected dues type</translation>
    </message>
    <message>
        <source>選んだ会費の種類を、これからの年度で使わなくします</source>
        <translation>Stop using the selected dues type from now on</translation>
    </message>
    <message>
        <source>この年度の期別・納期限と、会費の種類ごとの額を決めます</source>
        <translation>Set the instalments and due dates for this fiscal year, and the amount for each dues type</translation>
    </message>
    <message>
        <source>科目を追加します</source>
        <translation>Add an account item</translation>
    </message>
    <message>
        <source>選んだ科目の名前を変えます</source>
        <translation>Rename the selected account item</translation>
    </message>
    <message>
        <source>選んだ科目を、これからの記帳で使わなくします</source>
        <translation>Stop using the selected account item for new entries</translation>
    </message>
    <message>
        <source>口座を追加します</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <source>選んだ口座の、この年度の初めの残高を入れます（帳簿をつけ始めた年度だけ）</source>
        <translation>Enter the opening balance of the selected account for this fiscal year (only for the year you started keeping the books)</translation>
    </message>
    <message>
        <source>この年度の校下への負担金の単価を追加します</source>
        <translation>Add a school district levy rate for this fiscal year</translation>
    </message>
    <message>
        <source>選んだ単価を変えます</source>
        <translation>Change the selected rate</translation>
    </message>
    <message>
        <source>まちがえて入れた単価を消します</source>
        <translation>Delete a rate entered by mistake</translation>
    </message>
    <message>
        <source>会費の種類を保存しました。</source>
        <translation>The dues type has been saved.</translation>
    </message>
    <message>
        <source>会費の種類「{name}」を使わなくします。これからの年度の会費の額には出てこなくなります（これまでの年度の記録は変わりません）。よろしいですか？</source>
        <translation>Stop using the dues type “{name}”? It will no longer appear in the dues amounts of future fiscal years (records of past years do not change). Do you want to continue?</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>会費の種類「{name}」を使わなくしました。</source>
        <translation>Stopped using the dues type “{name}”.</translation>
    </message>
    <message>
        <source>会費の額を保存しました。</source>
        <translation>The dues amounts have been saved.</translation>
    </message>
    <message>
        <source>科目を保存しました。</source>
        <translation>The account item has been saved.</translation>
    </message>
    <message>
        <source>{kind}の科目「{name}」を使わなくします。これからの記帳では選べなくなります（これまでの記帳と決算書には残ります）。よろしいですか？</source>
        <translation>Stop using the {kind} account item “{name}”? You will no longer be able to choose it for new entries (it stays in past entries and settlement reports). Do you want to continue?</translation>
    </message>
    <message>
        <source>科目「{name}」を使わなくしました。</source>
        <translation>Stopped using the account item “{name}”.</translation>
    </message>
    <message>
        <source>口座を追加しました。</source>
        <translation>The account has been added.</translation>
    </message>
    <message>
        <source>「{name}」の年度初めの残高を保存しました。</source>
        <translation>The opening balance of “{name}” has been saved.</translation>
    </message>
    <message>
        <source>校下への負担金の単価を保存しました。</source>
        <translation>The school district levy rate has been saved.</translation>
    </message>
    <message>
        <source>単価を消す</source>
        <translation>Delete rate</translation>
    </message>
    <message>
        <source>「{name}」（{basis} {rate}）の単価を消します。よろしいですか？</source>
        <translation>Delete the rate for “{name}” ({basis} {rate})? Do you want to continue?</translation>
    </message>
    <message>
        <source>「{name}」の単価を消しました。</source>
        <translation>The rate for “{name}” has been deleted.</translation>
    </message>
</context>
<context>
    <name>SlotGrid</name>
    <message>
        <source>{day}曜日の{time}</source>
        <translation>{day} {time}</translation>
    </message>
</context>
<context>
    <name>StartCheckDialog</name>
    <message>
        <source>安否確認を始める</source>
        <translation>Start safety check</translation>
    </message>
    <message>
        <source>訓練（防災訓練）</source>
        <translation>Drill (disaster drill)</translation>
    </message>
    <message>
        <source>災害（実際の災害）</source>
        <translation>Disaster (a real disaster)</translation>
    </message>
    <message>
        <source>どちらかを選んでください。</source>
        <translation>Please choose one.</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>開始時刻</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>例: 9:00、午後2時</source>
        <translation>e.g. 9:00, 14:00</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>空欄なら「日付 防災訓練の安否確認」など</source>
        <translation>If blank, e.g. “(date) Disaster drill safety check”</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>始める</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>「訓練」か「災害」を選んでください。</source>
        <translation>Please choose “Drill” or “Disaster”.</translation>
    </message>
    <message>
        <source>開始日を入力してください。</source>
        <translation>Please enter the start date.</translation>
    </message>
    <message>
        <source>時刻として読めません（例: 9:00、午後2時）。</source>
        <translation>Cannot read this as a time (e.g. 9:00, 14:00).</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>ごみステーション</source>
        <translation>Garbage collection point</translation>
    </message>
    <message>
        <source>ごみステーションの登録</source>
        <translation>Register a garbage collection point</translation>
    </message>
    <message>
        <source>例: 駅前ステーション</source>
        <translation>e.g. 駅前ステーション</translation>
    </message>
    <message>
        <source>ステーション名</source>
        <translation>Collection point name</translation>
    </message>
    <message>
        <source>例: 泉野町3丁目 公園の北側</source>
        <translation>e.g. 泉野町3丁目 公園の北側</translation>
    </message>
    <message>
        <source>場所</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>名前と場所は、登録した後は変えられません</source>
        <translation>The name and location cannot be changed after registering</translation>
    </message>
    <message>
        <source>保存する</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>利用する世帯を名簿から探して加え、利用者の番号の順に並べてください（上から順に当番）。</source>
        <translation>Find the households that use it in the member list, add them, and put them in order of user number (duty goes in order from the top).</translation>
    </message>
</context>
<context>
    <name>SubsidyTab</name>
    <message>
        <source>補助金のまとめ</source>
        <translation>Subsidy summary</translation>
    </message>
    <message>
        <source>補助金の一覧</source>
        <translation>List of subsidies</translation>
    </message>
    <message>
        <source>⚠ の行: 期限を過ぎたか、期限が近い（{n}日以内）補助金です。補助額の「見込み」は、交付決定の前に予定経費から計算した額です。</source>
        <translation>Rows marked ⚠: subsidies whose deadline has passed or is near (within {n} days). An &quot;estimated&quot; subsidy amount is calculated from the planned costs before the grant decision.</translation>
    </message>
    <message>
        <source>新しい申請…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <source>次の段階へ…</source>
        <translation>Next step…</translation>
    </message>
    <message>
        <source>入金を記録…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <source>取り下げ…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>実績報告書を作る…</source>
        <translation>Create completion report…</translation>
    </message>
    <message>
        <source>制度の一覧…</source>
        <translation>Subsidy schemes…</translation>
    </message>
    <message>
        <source>選んだ補助金</source>
        <translation>Selected subsidy</translation>
    </message>
    <message>
        <source>選んだ補助金の内容</source>
        <translation>Details of the selected subsidy</translation>
    </message>
    <message>
        <source>補助額の計算</source>
        <translation>Subsidy calculation</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>&lt;b&gt;手続きの経過&lt;/b&gt;</source>
        <translation>&lt;b&gt;Progress of the procedure&lt;/b&gt;</translation>
    </message>
    <message>
        <source>手続きの経過</source>
        <translation>Progress of the procedure</translation>
    </message>
    <message>
        <source>&lt;b&gt;結び付けた行事&lt;/b&gt;（実績報告書の事業報告になります）</source>
        <translation>&lt;b&gt;Linked events&lt;/b&gt; (these become the activity report in the completion report)</translation>
    </message>
    <message>
        <source>結び付けた行事</source>
        <translation>Linked events</translation>
    </message>
    <message>
        <source>結び付ける行事</source>
        <translation>Event to link</translation>
    </message>
    <message>
        <source>結び付ける</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>&lt;b&gt;添付書類&lt;/b&gt;（そろったものに印）</source>
        <translation>&lt;b&gt;Attachments&lt;/b&gt; (tick the ones that are ready)</translation>
    </message>
    <message>
        <source>{year}の補助金 {n}件（進行中 {running}件{late}）&#x3000;{today}現在</source>
        <translation>{year}: {n} subsidies ({running} in progress{late})  as of {today}</translation>
    </message>
    <message>
        <source>、⚠ 期限切れ {n}件</source>
        <translation>, ⚠ {n} overdue</translation>
    </message>
    <message>
        <source>{amount}（交付決定）</source>
        <translation>{amount} (grant decision)</translation>
    </message>
    <message>
        <source>{amount}（見込み）</source>
        <translation>{amount} (estimate)</translation>
    </message>
    <message>
        <source>・入金 {amount}円</source>
        <translation> · received {amount} yen</translation>
    </message>
    <message>
        <source>一覧で補助金を選ぶと、ここに経過・期限・添付書類・行事が出ます。</source>
        <translation>Select a subsidy in the list to see its progress, deadlines, attachments and events here.</translation>
    </message>
    <message>
        <source>選んだ補助金: {title}</source>
        <translation>Selected subsidy: {title}</translation>
    </message>
    <message>
        <source>{name}（{funder}）&#x3000;{year}&#x3000;整理番号 {uid}</source>
        <translation>{name} ({funder})  {year}  Ref. No. {uid}</translation>
    </message>
    <message>
        <source>窓口なし</source>
        <translation>No contact office</translation>
    </message>
    <message>
        <source>状況: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>（{on} 取り下げ: {reason}）</source>
        <translation> (withdrawn on {on}: {reason})</translation>
    </message>
    <message>
        <source>予定経費 {amount}</source>
        <translation>Planned costs {amount}</translation>
    </message>
    <message>
        <source>・実際の経費 {amount}</source>
        <translation> · Actual costs {amount}</translation>
    </message>
    <message>
        <source>・数量 {units}{unit}</source>
        <translation> · Quantity {units} {unit}</translation>
    </message>
    <message>
        <source>・交付決定額 {amount}</source>
        <translation> · Amount granted {amount}</translation>
    </message>
    <message>
        <source>（{no}）</source>
        <translation> ({no})</translation>
    </message>
    <message>
        <source>・入金済 {amount}</source>
        <translation> · Received {amount}</translation>
    </message>
    <message>
        <source>🔒 {year}は締め済みのため、見るだけです。</source>
        <translation>🔒 {year} is closed, so you can only view it.</translation>
    </message>
    <message>
        <source>実際の経費</source>
        <translation>Actual costs</translation>
    </message>
    <message>
        <source>予定経費</source>
        <translation>Planned costs</translation>
    </message>
    <message>
        <source>補助額の計算（{which}・{rule}）: {grant}</source>
        <translation>Subsidy calculation ({which}, {rule}): {grant}</translation>
    </message>
    <message>
        <source>済（{on}）</source>
        <translation>Done ({on})</translation>
    </message>
    <message>
        <source>・{step} {due}まで（{basis}）— {state}</source>
        <translation>・{step} by {due} ({basis}) — {state}</translation>
    </message>
    <message>
        <source>・{due}（{basis}）</source>
        <translation>・{due} ({basis})</translation>
    </message>
    <message>
        <source>期限:
</source>
        <translation>Deadlines:
</translation>
    </message>
    <message>
        <source>期限: この制度には決まった期限がありません。</source>
        <translation>Deadlines: this scheme has no fixed deadlines.</translation>
    </message>
    <message>
        <source>（{on}）</source>
        <translation> ({on})</translation>
    </message>
    <message>
        <source>添付書類 {item}</source>
        <translation>Attachment {item}</translation>
    </message>
    <message>
        <source>この制度には添付書類の一覧がありません。</source>
        <translation>This scheme has no list of attachments.</translation>
    </message>
    <message>
        <source>（結び付けられる行事がありません）</source>
        <translation>(No events can be linked)</translation>
    </message>
    <message>
        <source>台帳が開かれていません。</source>
        <translation>No register is open.</translation>
    </message>
    <message>
        <source>台帳を読み取り専用で開いているため、変更できません。</source>
        <translation>The register is open read-only, so it cannot be changed.</translation>
    </message>
    <message>
        <source>「{name}」さん（{role}）には「{permission}」権限がありません。</source>
        <translation>{name} ({role}) does not have the &quot;{permission}&quot; permission.</translation>
    </message>
    <message>
        <source>使えません: {reason}</source>
        <translation>Not available: {reason}</translation>
    </message>
    <message>
        <source>一覧で補助金を選んでください</source>
        <translation>Please select a subsidy in the list</translation>
    </message>
    <message>
        <source>「{title}」は取り下げ済みです</source>
        <translation>&quot;{title}&quot; has been withdrawn</translation>
    </message>
    <message>
        <source>{year}は締め済みのため、見るだけです</source>
        <translation>{year} is closed, so you can only view it</translation>
    </message>
    <message>
        <source>この年度の補助金の記録を作ります（制度を選ぶと補助額の見込みが出ます）</source>
        <translation>Create a subsidy record for this fiscal year (choose a scheme to see the estimated subsidy)</translation>
    </message>
    <message>
        <source>この年度は締め済みのため、新しい補助金の記録は作れません</source>
        <translation>This fiscal year is closed, so no new subsidy records can be created</translation>
    </message>
    <message>
        <source>選んだ補助金を次の段階（申請・交付決定・完了…）に進めます（まちがえたときは訂正として前の段階に戻せます）</source>
        <translation>Move the selected subsidy to the next step (application, grant decision, completion…). If you make a mistake, you can go back to the previous step as a correction.</translation>
    </message>
    <message>
        <source>補助金の入金と、出納簿の収入（市補助金）を一緒に記録します</source>
        <translation>Record the subsidy payment together with the income entry (city subsidy) in the cash book</translation>
    </message>
    <message>
        <source>先に「次の段階へ」で交付決定額を記録してください</source>
        <translation>First record the amount granted with &quot;Next step&quot;</translation>
    </message>
    <message>
        <source>選んだ補助金を、理由を書いて取り下げます（記録は残ります）</source>
        <translation>Withdraw the selected subsidy, giving a reason (the record is kept)</translation>
    </message>
    <message>
        <source>入金（{amount}）があるため取り下げられません</source>
        <translation>Cannot be withdrawn because a payment ({amount}) has been received</translation>
    </message>
    <message>
        <source>選んだ補助金の実績報告書（PDF）を作って保存します</source>
        <translation>Create and save the completion report (PDF) for the selected subsidy</translation>
    </message>
    <message>
        <source>補助制度ごとの補助率・上限・段階・期限・添付書類を見ます</source>
        <translation>View each scheme&apos;s subsidy rate, upper limit, steps, deadlines and attachments</translation>
    </message>
    <message>
        <source>印を付けると、そろった日が記録されます</source>
        <translation>Tick to record the date it was ready</translation>
    </message>
    <message>
        <source>選んだ行事をこの補助金に結び付けます</source>
        <translation>Link the selected event to this subsidy</translation>
    </message>
    <message>
        <source>結び付けられる行事がありません</source>
        <translation>There are no events that can be linked</translation>
    </message>
    <message>
        <source>一覧で選んだ行事を、この補助金から外します</source>
        <translation>Remove the event selected in the list from this subsidy</translation>
    </message>
    <message>
        <source>外す行事を「結び付けた行事」で選んでください</source>
        <translation>Select the event to remove under &quot;Linked events&quot;</translation>
    </message>
    <message>
        <source>補助金の記録を作りました。</source>
        <translation>Subsidy record created.</translation>
    </message>
    <message>
        <source> 注意: {warnings}</source>
        <translation> Note: {warnings}</translation>
    </message>
    <message>
        <source>「{title}」を「{step}」として記録しました。</source>
        <translation>Recorded &quot;{title}&quot; as &quot;{step}&quot;.</translation>
    </message>
    <message>
        <source>「{title}」の入金を記録し、出納簿に記帳しました（摘要に整理番号 {uid}）。</source>
        <translation>Recorded the payment for &quot;{title}&quot; and entered it in the cash book (with Ref. No. {uid} in the description).</translation>
    </message>
    <message>
        <source>「{title}」を取り下げました（記録は残っています）。</source>
        <translation>Withdrew &quot;{title}&quot; (the record is kept).</translation>
    </message>
    <message>
        <source>{error}（添付書類の記録は変わっていません）</source>
        <translation>{error} (the attachment records have not changed)</translation>
    </message>
    <message>
        <source>添付書類「{item}」をそろったにしました。</source>
        <translation>Marked attachment &quot;{item}&quot; as ready.</translation>
    </message>
    <message>
        <source>添付書類「{item}」をまだにしました。</source>
        <translation>Marked attachment &quot;{item}&quot; as not ready yet.</translation>
    </message>
    <message>
        <source>行事「{label}」を結び付けました。</source>
        <translation>Linked event &quot;{label}&quot;.</translation>
    </message>
    <message>
        <source>行事「{label}」を外しました。</source>
        <translation>Removed event &quot;{label}&quot;.</translation>
    </message>
    <message>
        <source>{error}（何も変わっていません）</source>
        <translation>{error} (nothing was changed)</translation>
    </message>
    <message>
        <source>実績報告書の保存先</source>
        <translation>Save completion report as</translation>
    </message>
    <message>
        <source>{title} 実績報告書.pdf</source>
        <translation>{title} completion report.pdf</translation>
    </message>
    <message>
        <source>実績報告書を作っています…</source>
        <translation>Creating the completion report…</translation>
    </message>
    <message>
        <source>実績報告書を作れませんでした: {error}</source>
        <translation>Could not create the completion report: {error}</translation>
    </message>
    <message>
        <source>実績報告書を保存しました（{pages}ページ）: {path}</source>
        <translation>Completion report saved ({pages} pages): {path}</translation>
    </message>
</context>
<context>
    <name>SubstituteDialog</name>
    <message>
        <source>代わりの人を記録</source>
        <translation>Record a substitute</translation>
    </message>
    <message>
        <source>{span}の当番（{member}さん）を、代わりにする{unit}を選んでください。
{member}さんは、代わりにした{unit}の次の番を1回返します（交代の返し）。</source>
        <translation>Please choose the {unit} who will take over the duty for {span} (assigned to {member}).
{member} will take the next turn of that {unit} once in return (swap return).</translation>
    </message>
    <message>
        <source>記録する</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>代わりにする人を一覧で選んでください。</source>
        <translation>Please choose the substitute in the list.</translation>
    </message>
    <message>
        <source>✓ {day}の当番は{name}さんが代わりにします。{member}さんは、{name}さんの次の番を返します（メモに「交代の返し」と出ます）。</source>
        <translation>✓ {name} will take the duty on {day}. {member} will take {name}&apos;s next turn in return (the note will say “swap return”).</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>避難行動要支援者（人数のみ）</source>
        <translation>People who need help to evacuate (numbers only)</translation>
    </message>
    <message>
        <source>{0}。この名簿には、災害のときに避難の手助けが必要な人の健康や障害のこと（要配慮個人情報）が含まれるため、市との協定で、扱う役員が決められています。ここには人数だけを表示します。見る必要があるときは、管理者（会長など）に相談してください。</source>
        <translation>{0}. This list contains information on the health and disabilities of people who need help to evacuate in a disaster (sensitive personal information), so the agreement with the city decides which officers may handle it. Only the numbers are shown here. If you need to see it, please talk to an administrator (such as the president).</translation>
    </message>
    <message>
        <source>説明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>名簿に載っている人</source>
        <translation>People on the list</translation>
    </message>
    <message>
        <source>同意の内訳</source>
        <translation>Consent breakdown</translation>
    </message>
    <message>
        <source>名簿の出どころ</source>
        <translation>Source of the list</translation>
    </message>
    <message>
        <source>会員名簿の人と結び付いていない人</source>
        <translation>People not linked to the member register</translation>
    </message>
    <message>
        <source>地域支援者がまだ決まっていない人</source>
        <translation>People with no local supporter yet</translation>
    </message>
    <message>
        <source>市の名簿</source>
        <translation>City list</translation>
    </message>
    <message>
        <source>班ごとの人数</source>
        <translation>People per block</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>{0}人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>同意 {0}人（同意者名簿）・不同意 {1}人・未確認 {2}人</source>
        <translation>Consented {0} (consent list) · Not consented {1} · Unconfirmed {2}</translation>
    </message>
    <message>
        <source>市から提供 {0}人・町会で把握 {1}人</source>
        <translation>From the city {0} · Recorded by the association {1}</translation>
    </message>
    <message>
        <source>⚠ {0}人</source>
        <translation>⚠ {0} people</translation>
    </message>
    <message>
        <source>0人</source>
        <translation>0 people</translation>
    </message>
    <message>
        <source>{0}受領{1}</source>
        <translation>Received {0}{1}</translation>
    </message>
    <message>
        <source>（協定: {0}）</source>
        <translation> (agreement: {0})</translation>
    </message>
    <message>
        <source>まだ取り込んでいません</source>
        <translation>Not imported yet</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <source>要支援者を追加（取扱注意）</source>
        <translation>Add a person who needs help to evacuate (confidential)</translation>
    </message>
    <message>
        <source>要支援者（取扱注意）</source>
        <translation>People who need help to evacuate (confidential)</translation>
    </message>
    <message>
        <source>ご本人</source>
        <translation>The person</translation>
    </message>
    <message>
        <source>出どころ</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>会員名簿:</source>
        <translation>Member register:</translation>
    </message>
    <message>
        <source>名簿の人との結び付け</source>
        <translation>Link to a person in the register</translation>
    </message>
    <message>
        <source>名簿の人と結び付けたときは、空欄は会員名簿の内容で埋まります</source>
        <translation>When linked to a person in the register, blank fields are filled from the member register</translation>
    </message>
    <message>
        <source>名簿の人と結び付ける…</source>
        <translation>Link to a person in the register…</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>名簿の人との結び付けを外します</source>
        <translation>Removes the link to the person in the register</translation>
    </message>
    <message>
        <source>カタカナ</source>
        <translation>Katakana</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>例: 076-220-1234</source>
        <translation>e.g. 076-220-1234</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Furigana</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>支援が必要な理由</source>
        <translation>Reason help is needed</translation>
    </message>
    <message>
        <source>要介護度</source>
        <translation>Care level</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>名簿提供への同意</source>
        <translation>Consent to sharing the list</translation>
    </message>
    <message>
        <source>町会が集めた医療・介護の情報（要配慮個人情報）は、本人の同意を得てから記録します</source>
        <translation>Medical and care information collected by the association (sensitive personal information) is recorded only after the person has agreed</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>避難先と避難経路</source>
        <translation>Evacuation site and route</translation>
    </message>
    <message>
        <source>選ぶか入力（例: 泉野小学校）</source>
        <translation>Choose or type (e.g. 泉野小学校)</translation>
    </message>
    <message>
        <source>避難先</source>
        <translation>Evacuation site</translation>
    </message>
    <message>
        <source>避難経路・方法</source>
        <translation>Evacuation route / method</translation>
    </message>
    <message>
        <source>例: 裏の坂道から公民館へ。車いすのため2人で</source>
        <translation>e.g. Up the back slope to the community hall. Wheelchair user, needs 2 people</translation>
    </message>
    <message>
        <source>避難経路</source>
        <translation>Evacuation route</translation>
    </message>
    <message>
        <source>医療・配慮</source>
        <translation>Medical needs / special care</translation>
    </message>
    <message>
        <source>例: 人工透析（火木土）、補聴器</source>
        <translation>e.g. Dialysis (Tue, Thu, Sat), hearing aid</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>地域支援者</source>
        <translation>Local supporters</translation>
    </message>
    <message>
        <source>関係</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>名簿</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>（名簿の電話）</source>
        <translation>(phone in register)</translation>
    </message>
    <message>
        <source>名簿の人</source>
        <translation>Person in register</translation>
    </message>
    <message>
        <source>名簿外</source>
        <translation>Not in register</translation>
    </message>
    <message>
        <source>氏名（名簿外の人）</source>
        <translation>Name (person not in the register)</translation>
    </message>
    <message>
        <source>支援者の氏名</source>
        <translation>Supporter&apos;s name</translation>
    </message>
    <message>
        <source>名簿にいない支援者は、氏名と電話を入れて「名簿にいない人を追加」を押します</source>
        <translation>For a supporter not in the register, enter the name and phone, then press “Add person not in register”</translation>
    </message>
    <message>
        <source>支援者の電話</source>
        <translation>Supporter&apos;s phone</translation>
    </message>
    <message>
        <source>関係（例: 隣人）</source>
        <translation>Relationship (e.g. neighbour)</translation>
    </message>
    <message>
        <source>支援者との関係</source>
        <translation>Relationship to the supporter</translation>
    </message>
    <message>
        <source>名簿から選ぶときも、先に関係を入れておけます</source>
        <translation>You can enter the relationship first, even when choosing from the register</translation>
    </message>
    <message>
        <source>名簿から選ぶ…</source>
        <translation>Choose from register…</translation>
    </message>
    <message>
        <source>名簿にいない人を追加</source>
        <translation>Add person not in register</translation>
    </message>
    <message>
        <source>保存する</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>町会で把握した人として追加します。</source>
        <translation>Will be added as a person known to the association.</translation>
    </message>
    <message>
        <source>出どころ: {0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <source>市の名簿</source>
        <translation>City list</translation>
    </message>
    <message>
        <source>町会で把握</source>
        <translation>Known to the association</translation>
    </message>
    <message>
        <source>⚠ 名簿にいない人</source>
        <translation>⚠ Not in the register</translation>
    </message>
    <message>
        <source>⚠ 結び付け済み（名簿では{0}）</source>
        <translation>⚠ Linked (in the register: {0})</translation>
    </message>
    <message>
        <source>結び付け済み{0}</source>
        <translation>Linked {0}</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation>({0})</translation>
    </message>
    <message>
        <source>同意者名簿に載ります（平常時から共有）。</source>
        <translation>Listed on the consent list (shared in normal times as well).</translation>
    </message>
    <message>
        <source>平常時から、自主防災組織・民生委員などの避難支援等関係者と共有します</source>
        <translation>Shared in normal times as well with those who support evacuation, such as the voluntary disaster prevention group and welfare commissioners (minsei-iin)</translation>
    </message>
    <message>
        <source>基礎名簿だけに載ります（共有は災害のときだけ）。</source>
        <translation>Listed only on the basic list (shared only in a disaster).</translation>
    </message>
    <message>
        <source>災害のときは、同意がなくても避難支援のために共有されます（災害対策基本法 第49条の11）</source>
        <translation>In a disaster, the information is shared for evacuation support even without consent (Disaster Countermeasures Basic Act, Article 49-11)</translation>
    </message>
    <message>
        <source>名簿の人と結び付ける</source>
        <translation>Link to a person in the register</translation>
    </message>
    <message>
        <source>この要支援者が会員名簿のどの人か、探して選んでください。</source>
        <translation>Please search for and choose who this person is in the member register.</translation>
    </message>
    <message>
        <source>地域支援者を名簿から選ぶ</source>
        <translation>Choose a local supporter from the register</translation>
    </message>
    <message>
        <source>避難を手伝う人（地域支援者）を、会員名簿から探して選んでください。</source>
        <translation>Please search the member register and choose the person who will help with evacuation (local supporter).</translation>
    </message>
    <message>
        <source>本人を自分の支援者にはできません。</source>
        <translation>A person cannot be their own supporter.</translation>
    </message>
    <message>
        <source>{0}さんはもう地域支援者です。</source>
        <translation>{0} is already a local supporter.</translation>
    </message>
    <message>
        <source>名簿にいない支援者は、氏名と連絡のつく電話番号を入れてください。</source>
        <translation>For a supporter not in the register, please enter the name and a phone number where they can be reached.</translation>
    </message>
    <message>
        <source>本人の記録は保存しました。地域支援者は保存できませんでした: {0}</source>
        <translation>The person&apos;s record was saved, but the local supporters could not be saved: {0}</translation>
    </message>
</context>
<context>
    <name>SupportPrintDialog</name>
    <message>
        <source>個別避難支援計画を印刷（取扱注意）</source>
        <translation>Print individual evacuation support plan (confidential)</translation>
    </message>
    <message>
        <source>要支援者名簿を印刷（取扱注意）</source>
        <translation>Print list of people who need help to evacuate (confidential)</translation>
    </message>
    <message>
        <source>{0}さんの個別避難支援計画</source>
        <translation>Individual evacuation support plan for {0}</translation>
    </message>
    <message>
        <source>避難行動要支援者名簿</source>
        <translation>List of people who need help to evacuate</translation>
    </message>
    <message>
        <source>印刷したものには「取扱注意」と印刷する人の名前が入ります。だれが・いつ・何部・何のために印刷したかが管理台帳に残ります。コピーはせず、必要な部数だけ印刷してください。</source>
        <translation>Printouts show “Confidential” and the name of the person printing. Who printed, when, how many copies and for what purpose is kept in the audit log. Please do not photocopy; print only the copies you need.</translation>
    </message>
    <message>
        <source>必ず入れてください</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>目的（必須）</source>
        <translation>Purpose (required)</translation>
    </message>
    <message>
        <source> 部</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>部数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>同意者名簿（同意した人だけ）</source>
        <translation>Consent list (only those who agreed)</translation>
    </message>
    <message>
        <source>全員（基礎名簿・災害のとき）</source>
        <translation>Everyone (base list, for disasters)</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>すべての班（名簿にいない人も）</source>
        <translation>All blocks (including people not on the list)</translation>
    </message>
    <message>
        <source>範囲</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>プレビューを更新</source>
        <translation>Update preview</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>PDFで保存…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>前のページ</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>次のページ</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>拡大</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>プレビュー</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>個別避難支援計画を作っています…</source>
        <translation>Preparing the individual evacuation support plan…</translation>
    </message>
    <message>
        <source>要支援者名簿を作っています…</source>
        <translation>Preparing the list of people who need help to evacuate…</translation>
    </message>
    <message>
        <source>（目的を入れてください）</source>
        <translation>(Please enter the purpose)</translation>
    </message>
    <message>
        <source>{0}ページ・{1}人（{2}部）</source>
        <translation>{0} pages · {1} people ({2} copies)</translation>
    </message>
    <message>
        <source>先に目的を入れてください</source>
        <translation>Please enter the purpose first</translation>
    </message>
    <message>
        <source>⚠ 何のために印刷するか（目的）を入れてください。管理台帳に残ります。</source>
        <translation>⚠ Please enter why you are printing (the purpose). It is kept in the audit log.</translation>
    </message>
    <message>
        <source>個別避難支援計画.pdf</source>
        <translation>Individual evacuation support plan.pdf</translation>
    </message>
    <message>
        <source>避難行動要支援者名簿.pdf</source>
        <translation>List of people who need help to evacuate.pdf</translation>
    </message>
    <message>
        <source>PDFの保存先</source>
        <translation>Save PDF to</translation>
    </message>
    <message>
        <source>保存しました（{0}部・{1}ページ）。管理台帳に記録しました: {2}</source>
        <translation>Saved ({0} copies, {1} pages). Recorded in the audit log: {2}</translation>
    </message>
    <message>
        <source>プリンターが使えません。接続と電源を確かめてください。</source>
        <translation>The printer cannot be used. Please check that it is connected and switched on.</translation>
    </message>
    <message>
        <source>印刷を中止しました（{0} / {1}ページ）。印刷の記録は管理台帳に残っています。</source>
        <translation>Printing cancelled ({0} / {1} pages). The print record remains in the audit log.</translation>
    </message>
    <message>
        <source>印刷しました（{0}部・{1}ページ）。管理台帳に記録しました。</source>
        <translation>Printed ({0} copies, {1} pages). Recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>SupportTab</name>
    <message>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>取扱注意</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>同意者だけ</source>
        <translation>Consented only</translation>
    </message>
    <message>
        <source>同意者名簿: 平常時から共有することに同意した人</source>
        <translation>Consent list: people who agreed to have their information shared in normal times</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>基礎名簿: 同意していない人・未確認の人も含めて全員</source>
        <translation>Full list: everyone, including people who have not agreed or have not been asked yet</translation>
    </message>
    <message>
        <source>個別計画を印刷…</source>
        <translation>Print individual plan…</translation>
    </message>
    <message>
        <source>選んだ人の個別避難支援計画（面談で書き込む用紙）を印刷します</source>
        <translation>Print the individual evacuation support plan (a form to fill in at the interview) for the selected person</translation>
    </message>
    <message>
        <source>市の名簿を取り込む…</source>
        <translation>Import city list…</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>名簿を「取扱注意」の透かし入りで印刷します。印刷の記録が残ります</source>
        <translation>Print the list with a &quot;Confidential&quot; watermark. The printing is recorded.</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>市の名簿</source>
        <translation>City list</translation>
    </message>
    <message>
        <source>避難行動要支援者の一覧</source>
        <translation>List of people who need help to evacuate</translation>
    </message>
    <message>
        <source>追加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>町会で把握した要支援者を追加します</source>
        <translation>Add a person who needs help to evacuate, known to the association</translation>
    </message>
    <message>
        <source>開く・変更…</source>
        <translation>Open / edit…</translation>
    </message>
    <message>
        <source>名簿の人と結び付ける…</source>
        <translation>Link to member list…</translation>
    </message>
    <message>
        <source>会員名簿のどの人か選びます（名簿にいない人・転出した人の確認に）</source>
        <translation>Choose which person in the member list this is (to check for people not in the list or who have moved out)</translation>
    </message>
    <message>
        <source>消去…</source>
        <translation>Erase…</translation>
    </message>
    <message>
        <source>転出・支援が不要になった人を名簿から消します（元に戻せません）</source>
        <translation>Erase people who have moved out or no longer need help from the list (cannot be undone)</translation>
    </message>
    <message>
        <source>{0}人を表示</source>
        <translation>Showing {0} people</translation>
    </message>
    <message>
        <source>（全体 {0}人・同意者名簿 {1}人）</source>
        <translation> (total {0}, consent list {1})</translation>
    </message>
    <message>
        <source>&#x3000;⚠ 地域支援者が未定 {0}人</source>
        <translation>  ⚠ No local helper yet: {0}</translation>
    </message>
    <message>
        <source>&#x3000;⚠ 名簿にいない人 {0}人</source>
        <translation>  ⚠ Not in the member list: {0}</translation>
    </message>
    <message>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>市の名簿の取り込みは、要配慮個人情報を変更でき、すべての班を扱える役割（管理者）だけができます</source>
        <translation>Only a role that can change sensitive personal information and handle all blocks (an administrator) can import the city list</translation>
    </message>
    <message>
        <source>名簿の人と結び付ける</source>
        <translation>Link to member list</translation>
    </message>
    <message>
        <source>「{0}」さん（{1}）が会員名簿のどの人か、探して選んでください。</source>
        <translation>Find and choose which person in the member list &quot;{0}&quot; ({1}) is.</translation>
    </message>
    <message>
        <source>住所不明</source>
        <translation>Address unknown</translation>
    </message>
    <message>
        <source>会員名簿の人と結び付けました。</source>
        <translation>Linked to the person in the member list.</translation>
    </message>
    <message>
        <source>要支援者の記録を消去</source>
        <translation>Erase record of a person who needs help</translation>
    </message>
    <message>
        <source>{0}さんの記録と地域支援者を、台帳から復元できないように消去します。転出した・支援が必要なくなったときに使います。よろしいですか？</source>
        <translation>The record of {0} and their local helpers will be erased from the register so that it cannot be restored. Use this when the person has moved out or no longer needs help. Continue?</translation>
    </message>
    <message>
        <source>消去する</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>記録を消去しました。</source>
        <translation>Record erased.</translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>（班なし）</source>
        <translation>(no block)</translation>
    </message>
    <message>
        <source>{0}: {1:,}世帯・{2:,}人、確認済み {3:,}人</source>
        <translation>{0}: {1:,} households, {2:,} people, {3:,} confirmed</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <source>使い方の案内</source>
        <translation>Guided tour</translation>
    </message>
    <message>
        <source>{0}/{1}&#x3000;{2}</source>
        <translation>{0}/{1}  {2}</translation>
    </message>
    <message>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>終わる</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>TurnsModel</name>
    <message>
        <source>第{n}回</source>
        <translation>Round {n}</translation>
    </message>
    <message>
        <source>当番の日: {days}</source>
        <translation>Duty days: {days}</translation>
    </message>
    <message>
        <source>いま当番をしているところです</source>
        <translation>This duty is in progress now</translation>
    </message>
    <message>
        <source>終わった当番です。済か欠を記録できます</source>
        <translation>Finished duty. You can record it as done or missed.</translation>
    </message>
</context>
<context>
    <name>UnconfirmedModel</name>
    <message>
        <source>{0}&#x3000;{1}（{2}）</source>
        <translation>{0}  {1} ({2})</translation>
    </message>
    <message>
        <source>{0}さんの世帯。ダブルクリックで一覧のこの人を選びます。</source>
        <translation>{0}&apos;s household. Double-click to select this person in the list.</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>担い手の登録</source>
        <translation>Register a volunteer</translation>
    </message>
    <message>
        <source>担い手の登録内容</source>
        <translation>Volunteer details</translation>
    </message>
    <message>
        <source>登録する人</source>
        <translation>Person to register</translation>
    </message>
    <message>
        <source>名前かフリガナの一部（例: たなか）</source>
        <translation>Part of the name or furigana (e.g. たなか)</translation>
    </message>
    <message>
        <source>名簿から探す</source>
        <translation>Search the register</translation>
    </message>
    <message>
        <source>名簿から探した人</source>
        <translation>People found in the register</translation>
    </message>
    <message>
        <source>この方</source>
        <translation>This person</translation>
    </message>
    <message>
        <source>同意日</source>
        <translation>Date of consent</translation>
    </message>
    <message>
        <source>同意の方法</source>
        <translation>How consent was given</translation>
    </message>
    <message>
        <source>方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>特技・資格</source>
        <translation>Skills / qualifications</translation>
    </message>
    <message>
        <source>資格など（例: 普通自動車免許、防災士）</source>
        <translation>Qualifications etc. (e.g. driving licence, disaster prevention specialist (bōsaishi))</translation>
    </message>
    <message>
        <source>資格など</source>
        <translation>Qualifications etc.</translation>
    </message>
    <message>
        <source>関心のある分野</source>
        <translation>Areas of interest</translation>
    </message>
    <message>
        <source>都合のよい時間</source>
        <translation>Convenient times</translation>
    </message>
    <message>
        <source>上限なし</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source> 回まで</source>
        <translation> times at most</translation>
    </message>
    <message>
        <source>月の上限</source>
        <translation>Monthly limit</translation>
    </message>
    <message>
        <source>ひと月に頼んでよい回数の上限。上限に達した人は「誰に頼めそう？」に出ません</source>
        <translation>The most times this person may be asked in one month. People who have reached the limit do not appear in “Who could I ask?”</translation>
    </message>
    <message>
        <source>有効期限</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>年度の終わりまでが目安です。毎年度、本人に確認して更新します</source>
        <translation>As a guide, until the end of the fiscal year. Check with the person every fiscal year and renew</translation>
    </message>
    <message>
        <source>備考（例: 腰が悪いので力仕事は控えたい）</source>
        <translation>Notes (e.g. bad back, would rather avoid heavy work)</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>登録する</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>名簿から探して、一覧で選んでください。</source>
        <translation>Search the register and choose from the list.</translation>
    </message>
    <message>
        <source>多すぎるため一部だけ表示しています。名前をもう少し入れてください</source>
        <translation>Too many matches, so only some are shown. Please type more of the name</translation>
    </message>
    <message>
        <source>⚠ 見つかりません。名前の一部かフリガナで探してください。</source>
        <translation>⚠ Not found. Please search with part of the name or the furigana.</translation>
    </message>
    <message>
        <source>{0}さん（登録済み。内容を変更できます）</source>
        <translation>{0} (already registered; you can change the details)</translation>
    </message>
    <message>
        <source>{0}さん（まだ登録されていません）</source>
        <translation>{0} (not registered yet)</translation>
    </message>
    <message>
        <source>
⚠ 本人の同意が記録されていません。</source>
        <translation>
⚠ The person&apos;s consent has not been recorded.</translation>
    </message>
    <message>
        <source>{0}さん</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>⚠ {0}の「{1}」への同意が、まだ記録されていません。本人に目的（行事のお手伝いをお願いするため）を説明して同意を得たら、その日と方法を入れて「同意を記録して登録」を押してください。</source>
        <translation>⚠ {0}&apos;s consent to “{1}” has not been recorded yet. Explain the purpose to the person (so that we can ask for help with events); once they agree, enter the date and method and press “Record consent and register”.</translation>
    </message>
    <message>
        <source>同意を記録して登録</source>
        <translation>Record consent and register</translation>
    </message>
    <message>
        <source>名簿から登録する人を選んでください。</source>
        <translation>Please choose the person to register from the register.</translation>
    </message>
    <message>
        <source>同意日を入力してください。</source>
        <translation>Please enter the date of consent.</translation>
    </message>
    <message>
        <source>同意日（{0}）が今日より後です。同意を得た日を入れてください。</source>
        <translation>The date of consent ({0}) is later than today. Please enter the date consent was given.</translation>
    </message>
    <message>
        <source>有効期限: 日付として読めません: 「{0}」</source>
        <translation>Valid until: this cannot be read as a date: “{0}”</translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message>
        <source>本人の同意を得て、特技や都合のよい時間を登録した人です。行事のお手伝いを頼むときに使います。</source>
        <translation>People who agreed to register their skills and convenient times. Used when asking for help with events.</translation>
    </message>
    <message>
        <source>有効期限が切れた人も表示</source>
        <translation>Also show people whose registration has expired</translation>
    </message>
    <message>
        <source>担い手の一覧</source>
        <translation>List of volunteers</translation>
    </message>
    <message>
        <source>担い手を登録…</source>
        <translation>Register a volunteer…</translation>
    </message>
    <message>
        <source>開く・変更…</source>
        <translation>Open / change…</translation>
    </message>
    <message>
        <source>登録を取り消す…</source>
        <translation>Remove registration…</translation>
    </message>
    <message>
        <source>本人の申し出などで、登録（特技・都合）を消します</source>
        <translation>Deletes the registration (skills, convenient times), for example at the person&apos;s request</translation>
    </message>
    <message>
        <source>特技・資格（チェックしたものをすべて持つ人）</source>
        <translation>Skills and qualifications (people who have all the ticked ones)</translation>
    </message>
    <message>
        <source>関心のある分野</source>
        <translation>Areas of interest</translation>
    </message>
    <message>
        <source>いつ頼みたいか（どれかに都合がつく人）</source>
        <translation>When you need help (people available at any of these)</translation>
    </message>
    <message>
        <source>条件をすべて外す</source>
        <translation>Clear all conditions</translation>
    </message>
    <message>
        <source>{n}回</source>
        <translation>{n} times</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>都合のよい時間: {0}</source>
        <translation>Convenient times: {0}</translation>
    </message>
    <message>
        <source>頼めそうな人</source>
        <translation>People you could ask</translation>
    </message>
    <message>
        <source>今月と直近90日に行事を手伝った・参加した回数が少ない人から並べています。月の上限に達した人は出ません。</source>
        <translation>People who helped at or joined the fewest events this month and in the last 90 days come first. People who have reached their monthly limit are not shown.</translation>
    </message>
    <message>
        <source>役職ごとのいまの担当（班長を除く）</source>
        <translation>Current holder of each role (excluding block leaders)</translation>
    </message>
    <message>
        <source>{n}年</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>{n}人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>済</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>未</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>役職ごとの担当</source>
        <translation>Holders by role</translation>
    </message>
    <message>
        <source>これまでの役職</source>
        <translation>Past roles</translation>
    </message>
    <message>
        <source>役職:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>役職で絞り込み</source>
        <translation>Filter by role</translation>
    </message>
    <message>
        <source>すべて（班長を除く）</source>
        <translation>All (excluding block leaders)</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>{n}年度</source>
        <translation>FY{n}</translation>
    </message>
    <message>
        <source>役職の登録は「設定」の役員の画面で行います。引継ぎが済んだら、ここで記録します。</source>
        <translation>Roles are registered on the officers screen in “Settings”. Once a hand-over is complete, record it here.</translation>
    </message>
    <message>
        <source>引継ぎ済みにする</source>
        <translation>Mark as handed over</translation>
    </message>
    <message>
        <source>未にもどす</source>
        <translation>Set back to not yet</translation>
    </message>
    <message>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>変更するには、役員か管理者の権限が必要です</source>
        <translation>Changing this requires officer or administrator permission</translation>
    </message>
    <message>
        <source>{0}人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>条件なし</source>
        <translation>No conditions</translation>
    </message>
    <message>
        <source>{0}: {1}人見つかりました（手伝った回数が少ない人から）</source>
        <translation>{0}: found {1} people (fewest times helped first)</translation>
    </message>
    <message>
        <source>{0}: 見つかりません。条件を減らしてみてください。</source>
        <translation>{0}: nobody found. Please try fewer conditions.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{role}（{holder}さん・{n}年）</source>
        <translation>{role} ({holder}, {n} years)</translation>
    </message>
    <message>
        <source>⚠ 同じ人が{0}年以上続けている役職があります: {1}。後任を一緒に探し、引継ぎの準備を始めましょう。</source>
        <translation>⚠ Some roles have been held by the same person for {0} years or more: {1}. Let&apos;s look for successors together and start preparing the hand-over.</translation>
    </message>
    <message>
        <source>担い手</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>一覧から人を選んでください。</source>
        <translation>Please select a person in the list.</translation>
    </message>
    <message>
        <source>登録を取り消す</source>
        <translation>Remove registration</translation>
    </message>
    <message>
        <source>{0}さんの担い手の登録（特技・都合のよい時間など）を消します。
行事に参加した記録は残ります。よろしいですか？</source>
        <translation>This deletes {0}&apos;s volunteer registration (skills, convenient times, etc.).
Records of taking part in events are kept. Continue?</translation>
    </message>
    <message>
        <source>取り消す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>役職の履歴</source>
        <translation>Role history</translation>
    </message>
    <message>
        <source>「これまでの役職」の一覧から選んでください。</source>
        <translation>Please select from the “Past roles” list.</translation>
    </message>
    <message>
        <source>引継ぎ</source>
        <translation>Hand-over</translation>
    </message>
</context>
<context>
    <name>WarekiDateEdit</name>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>例: S25.3.1（下の欄で選んでも入力できます）</source>
        <translation>e.g. S25.3.1 (you can also choose it in the fields below)</translation>
    </message>
    <message>
        <source>%1（文字で入力）</source>
        <translation>%1 (typed)</translation>
    </message>
    <message>
        <source>「S25.3.1」「昭和25年3月1日」「1950/3/1」などの書き方で入力できます。分からなければ空欄のままにしてください。</source>
        <translation>You can type it as “S25.3.1”, “昭和25年3月1日”, “1950/3/1” and so on. If you do not know it, leave it blank.</translation>
    </message>
    <message>
        <source>不明</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>西暦</source>
        <translation>Western (AD)</translation>
    </message>
    <message>
        <source>%1の元号</source>
        <translation>Era of %1</translation>
    </message>
    <message>
        <source>年</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>%1の%2</source>
        <translation>%2 of %1</translation>
    </message>
    <message>
        <source>%1の確認</source>
        <translation>%1 check</translation>
    </message>
    <message>
        <source>元年</source>
        <translation>1 (gannen)</translation>
    </message>
    <message>
        <source>不明（入力されていません）</source>
        <translation>Unknown (not entered)</translation>
    </message>
    <message>
        <source>未来の日付になっています（%1）</source>
        <translation>This date is in the future (%1)</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>協働デスクへようこそ</source>
        <translation>Welcome to Kyodo Desktop</translation>
    </message>
    <message>
        <source>協働デスク</source>
        <translation>Kyodo Desktop</translation>
    </message>
    <message>
        <source>町会・町内会・自治会の名簿と運営のためのプログラムです。
インターネットにつながっていなくても使えます。はじめに、どうするか選んでください。</source>
        <translation>A program for the member lists and running of neighbourhood associations (町会・町内会・自治会).
It works without an internet connection. To begin, please choose what to do.</translation>
    </message>
    <message>
        <source>新しい町会を作る</source>
        <translation>Create a new association</translation>
    </message>
    <message>
        <source>空の台帳を作り、班と世帯を入力していきます。</source>
        <translation>Create an empty register, then enter blocks and households.</translation>
    </message>
    <message>
        <source>既存の台帳を開く</source>
        <translation>Open an existing register</translation>
    </message>
    <message>
        <source>USBメモリなどにある台帳ファイル（.kyodo）を開きます。</source>
        <translation>Open a register file (.kyodo) on a USB stick or elsewhere.</translation>
    </message>
    <message>
        <source>デモを見る</source>
        <translation>View demo</translation>
    </message>
    <message>
        <source>架空の町会で、どんなことができるか試せます。</source>
        <translation>Try out what the program can do with a made-up association.</translation>
    </message>
    <message>
        <source>バックアップから台帳を取り出す</source>
        <translation>Recover register from a backup</translation>
    </message>
    <message>
        <source>USBメモリをなくした・台帳ファイルが壊れたときに、このパソコンに残っているバックアップから台帳を作り直します。</source>
        <translation>If the USB stick was lost or the register file is damaged, rebuild the register from the backups kept on this computer.</translation>
    </message>
</context>
<context>
    <name>_MemberList</name>
    <message>
        <source>名前かフリガナの一部で絞り込み</source>
        <translation>Filter by part of the name or furigana</translation>
    </message>
    <message>
        <source>絞り込み</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>{unit}の一覧</source>
        <translation>List by {unit}</translation>
    </message>
    <message>
        <source>{name}（{block}）</source>
        <translation>{name} ({block})</translation>
    </message>
    <message>
        <source>自動で免除</source>
        <translation>Exempt automatically</translation>
    </message>
    <message>
        <source>免除中</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <source>今は当番なし</source>
        <translation>No turns at present</translation>
    </message>
</context>
</TS>
