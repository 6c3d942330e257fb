<?php
// Prints an HTML file with Dompdf (its own CSS table layout and its own PDF
// writer, CPDF: a TrueType subset as an Identity-H font with ToUnicode):
// the other PHP producer of web applications' PDF exports.
//
// usage: php make.php IN.html OUT.pdf
//   (corpus/pdf/dompdf/make.py writes IN.html; needs Debian's php-cli,
//   php-mbstring and php-dompdf)
require_once '/usr/share/php/dompdf/autoload.php';

use Dompdf\Dompdf;
use Dompdf\Options;

[$in, $out] = array_slice($argv, 1, 2);
$cache = sys_get_temp_dir() . '/jixiao-dompdf-' . getmypid();
@mkdir($cache);
$options = new Options();
$options->setFontDir($cache);
$options->setFontCache($cache);
$options->setChroot(['/', dirname(realpath($in))]);
$options->setIsRemoteEnabled(false);
$dompdf = new Dompdf($options);
$dompdf->loadHtml(file_get_contents($in), 'UTF-8');
$dompdf->render();
file_put_contents($out, $dompdf->output());
