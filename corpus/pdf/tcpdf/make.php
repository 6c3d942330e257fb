<?php
// Renders a jixiao golden JSON with TCPDF's writeHTML (rowspan/colspan
// merged cells, one form per page run): the PHP producer of many Chinese
// web applications' PDF exports. Two font set-ups real sites use:
//   stsongstdlight / cid0cs: a CID font that is not embedded (Adobe-GB1,
//     UniGB-UCS2-H, no ToUnicode map: the reader must know the CMap);
//   a TrueType file: an embedded Identity-H subset with ToUnicode.
//
// usage: php make.php GOLDEN.json OUT.pdf FONT [portrait]
//   FONT: a TCPDF core font name (stsongstdlight, cid0cs) or a .ttf file
//   (corpus/make-pdfs.sh takes WenQuanYi Micro Hei out of its .ttc with
//   fontTools). Needs Debian's php-cli, php-mbstring and php-tcpdf.
[$golden, $out, $font] = array_slice($argv, 1, 3);
const TCPDF_FONTS_DIR = '/usr/share/php/tcpdf/fonts/';
if (str_ends_with($font, '.ttf')) {
    // writeHTML looks fonts up by family in K_PATH_FONTS: a folder of the
    // core fonts (linked) and the TrueType font's definition.
    $dir = sys_get_temp_dir() . '/jixiao-tcpdf-' . getmypid() . '/';
    @mkdir($dir);
    foreach (scandir(TCPDF_FONTS_DIR) as $f) {
        if ($f[0] !== '.' && !file_exists($dir . $f)) {
            symlink(TCPDF_FONTS_DIR . $f, $dir . $f);
        }
    }
    define('K_PATH_FONTS', $dir);
}
require_once '/usr/share/php/tcpdf/tcpdf.php';

$portrait = ($argv[4] ?? '') === 'portrait';
$doc = json_decode(file_get_contents($golden), true);

$pdf = new TCPDF($portrait ? 'P' : 'L', 'pt', 'A4', true, 'UTF-8', false);
$pdf->setPrintHeader(false);
$pdf->setPrintFooter(false);
$pdf->SetMargins(34, 34, 34);
$pdf->SetAutoPageBreak(true, 34);
$pdf->SetCreator('jixiao corpus/pdf/tcpdf/make.php');
$pdf->SetTitle($doc['title'] ?? 'forms');
if (str_ends_with($font, '.ttf')) {
    $family = TCPDF_FONTS::addTTFfont($font, 'TrueTypeUnicode', '', 32, K_PATH_FONTS);
    $pdf->SetFont($family, '', 9);
} else {
    $family = $font;
    $pdf->SetFont($family, '', 9);
}

// Column shares of the eight grid columns, as in the other producers.
const SHARES = [8, 12, 12, 20, 14, 16, 8, 10];

function e(?string $text): string
{
    return nl2br(htmlspecialchars($text ?? '', ENT_QUOTES, 'UTF-8'));
}

function money($v): string
{
    return $v === null ? '' : number_format($v, 2, '.', ',');
}

// A cell starting at grid column `$col`, spanning `$cols` columns.
function td(?string $text, int $col, int $cols = 1, int $rows = 1, bool $centre = false): string
{
    $width = array_sum(array_slice(SHARES, $col, $cols));
    $attrs = " width=\"{$width}%\"";
    if ($cols > 1) {
        $attrs .= " colspan=\"$cols\"";
    }
    if ($rows > 1) {
        $attrs .= " rowspan=\"$rows\"";
    }
    if ($centre) {
        $attrs .= ' align="center"';
    }
    return "<td$attrs>" . e($text) . '</td>';
}

function run(array $ind, int $k, callable $same): int
{
    $n = 1;
    while ($k + $n < count($ind) && $same($ind[$k + $n])) {
        $n++;
    }
    return $n;
}

function form(TCPDF $pdf, array $p, ?string $title): void
{
    $pdf->AddPage();
    $html = '';
    if ($title) {
        $html .= '<h3 style="text-align:center">' . e($title) . '</h3>';
    }
    $html .= '<h2 style="text-align:center">' . e($p['form']) . '</h2>';
    $html .= '<p style="text-align:center">（' . $p['year'] . '年度）</p>';
    $html .= '<table border="1" cellpadding="3">';
    $html .= '<tr nobr="true">' . td('项目名称', 0, 1, 1, true) . td($p['name'], 1, 2) . td('项目性质', 3, 1, 1, true)
        . td($p['nature'], 4) . td('项目类别', 5, 1, 1, true) . td($p['category'], 6, 2) . '</tr>';
    $html .= '<tr nobr="true">' . td('主管部门', 0, 1, 1, true) . td($p['department'], 1, 3) . td('实施单位', 4, 1, 1, true)
        . td($p['implementer'], 5, 3) . '</tr>';
    $html .= '<tr nobr="true">' . td('计划开始日期', 0, 1, 1, true) . td($p['start_date'], 1, 3) . td('计划完成日期', 4, 1, 1, true)
        . td($p['end_date'], 5, 3) . '</tr>';
    $f = $p['funds'];
    $rows = [
        ['项目资金总额', money($f['project_total']), '年度资金申请总额', money($f['annual_total'])],
        ['其中：财政资金', money($f['project_fiscal']), '其中：当年财政拨款', money($f['annual_fiscal_current'])],
        ['', '', '上年结转资金', money($f['annual_fiscal_carryover'])],
        ['其他资金', money($f['project_other']), '其他资金', money($f['annual_other'])],
    ];
    foreach ($rows as $i => [$l, $lv, $r, $rv]) {
        $label = $i === 0 ? td("项目资金\n（元）", 0, 1, 4, true) : '';
        $html .= '<tr>' . $label . td($l, 1, 1, 1, true) . td($lv, 2, 2) . td($r, 4, 1, 1, true) . td($rv, 5, 3) . '</tr>';
    }
    $html .= '<tr>' . td("项目\n绩效\n目标", 0, 1, 2, true) . td('项目总目标', 1, 3, 1, true) . td('年度总体目标', 4, 4, 1, true) . '</tr>';
    if ($p['goal_project'] === $p['goal_annual']) {
        $html .= '<tr>' . td($p['goal_project'], 1, 7) . '</tr>';
    } else {
        $html .= '<tr>' . td($p['goal_project'], 1, 3) . td($p['goal_annual'], 4, 4) . '</tr>';
    }
    $ind = $p['indicators'];
    $html .= '<tr>' . td("绩效\n指标", 0, 1, count($ind) + 1, true) . td('一级指标', 1, 1, 1, true) . td('二级指标', 2, 1, 1, true)
        . td('三级指标', 3, 3, 1, true) . td('年度(/项目)指标值', 6, 2, 1, true) . '</tr>';
    foreach ($ind as $k => $x) {
        $cells = '';
        if ($k === 0 || $ind[$k - 1]['level1'] !== $x['level1']) {
            $cells .= td($x['level1'], 1, 1, run($ind, $k, fn ($z) => $z['level1'] === $x['level1']), true);
        }
        $same = fn ($z) => $z['level1'] === $x['level1'] && $z['level2'] === $x['level2'];
        if ($k === 0 || !$same($ind[$k - 1])) {
            $cells .= td($x['level2'], 2, 1, run($ind, $k, $same), true);
        }
        $cells .= td($x['name'], 3, 3) . td($x['target']['text'], 6, 2);
        $html .= "<tr>$cells</tr>";
    }
    $html .= '</table>';
    $pdf->writeHTML($html, true, false, false, false, '');
}

foreach ($doc['projects'] as $i => $p) {
    form($pdf, $p, $i === 0 ? ($doc['title'] ?? null) : null);
}
$pdf->Output($out, 'F');
if (defined('K_PATH_FONTS')) {
    array_map('unlink', glob(K_PATH_FONTS . '*'));
    rmdir(K_PATH_FONTS);
}
