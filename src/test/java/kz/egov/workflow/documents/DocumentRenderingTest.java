package kz.egov.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printed forms without the engine: both languages, every Kazakh letter extractable, the QR code's link. */
class DocumentRenderingTest {

  static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
  static final String LINK = "https://egov.example.kz/api/v1/documents/KZ-WKO-LIC-2026-000042/verify";

  private final DocumentRenderer renderer = new DocumentRenderer();

  static ResultDocument licence(String number, List<String> subtypes, String place) {
    return new ResultDocument(number, DocumentKind.LICENCE, OffsetDateTime.of(2026, 4, 14, 11, 30, 0, 0,
        ZoneOffset.ofHours(5)), wko(), new ResultDocument.Applicant("040540000123", "ТОО \"Батыс Металл Трейд\"",
        "Орал қ., Құрманғазы к-сі, 12"), "draft-77", "KZ-WKO-2026-000123",
        OffsetDateTime.of(2026, 3, 30, 10, 0, 0, 0, ZoneOffset.ofHours(5)), "scrap-metal-license", "issuance",
        new ResultDocument.Licence(number, LocalDate.of(2026, 4, 14),
            "Түсті және қара металдардың сынықтары мен қалдықтарын жинау (дайындау), сақтау, қайта өңдеу және өткізу",
            "Сбор (заготовка), хранение, переработка и реализация лома и отходов цветных и черных металлов",
            subtypes, place, null, false),
        null, signer(), LINK);
  }

  static ResultDocument.Provider wko() {
    return new ResultDocument.Provider("wko", "Батыс Қазақстан облысының кәсіпкерлік және индустрия басқармасы",
        "Управление предпринимательства и индустрии Западно-Казахстанской области", "Орал қ.", "г. Уральск");
  }

  static ResultDocument.Signer signer() {
    return new ResultDocument.Signer("ҚАЙРАТОВ ӘЛІБЕК ҒАЛЫМҰЛЫ", "800101300125", "150540000017",
        "ГУ «Управление предпринимательства»", true, "1a2b", "CN=Demo CA");
  }

  @Test
  void aLicenceCarriesItsFieldsInKazakhAndRussianWithEveryKazakhLetterIntact() throws Exception {
    byte[] pdf = renderer.render(licence("KZ-WKO-LIC-2026-000042",
        List.of("заготовка лома черных металлов", "сынықтарды өңдеу: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І"),
        "Орал қ., Өнеркәсіп аймағы, 7"));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("МЕМЛЕКЕТТІК ЛИЦЕНЗИЯ", "ГОСУДАРСТВЕННАЯ ЛИЦЕНЗИЯ", "№ KZ-WKO-LIC-2026-000042",
          "Батыс Қазақстан облысының кәсіпкерлік және индустрия басқармасы",
          "Управление предпринимательства и индустрии Западно-Казахстанской области",
          "Қызмет түрі / Вид деятельности", "Лицензиат / Выдана", "ТОО \"Батыс Металл Трейд\"", "БСН / БИН 040540000123",
          "Орал қ., Құрманғазы к-сі, 12", "— заготовка лома черных металлов", "Орал қ., Өнеркәсіп аймағы, 7",
          "14.04.2026", "Қайратов Ә.Ғ.", "Басшы / Руководитель", "Орал қ. / г. Уральск",
          "№ KZ-WKO-2026-000123, 30.03.2026 (беру / выдача)", LINK, "ЭЦҚ қойылған / Подписано ЭЦП: ҚАЙРАТОВ ӘЛІБЕК ҒАЛЫМҰЛЫ");
      // every Kazakh letter, lower and upper case, survives rendering and extraction
      assertThat(text.replaceAll("\\s+", " ")).contains("ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І");
      for (char letter : KAZAKH_LETTERS.toCharArray()) {
        assertThat(text).as("letter %s", letter).contains(String.valueOf(letter));
      }
      PDFont font = document.getPage(0).getResources().getFont(
          document.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).contains("LiberationSans");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("ГОСУДАРСТВЕННАЯ ЛИЦЕНЗИЯ № KZ-WKO-LIC-2026-000042");
    }
  }

  @Test
  void theQrCodeCarriesTheVerificationLink() throws Exception {
    byte[] pdf = renderer.render(licence("KZ-WKO-LIC-2026-000042", List.of(), null));

    assertThat(qrCodeOf(pdf)).isEqualTo(LINK);
  }

  static String qrCodeOf(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 150);
      int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
      LuminanceSource source = new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);
      Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
      return result.getText();
    }
  }

  @Test
  void aRefusalQuotesTheApplicationAndTheReasonInBothLanguages() throws Exception {
    ResultDocument refusal = new ResultDocument("KZ-WKO-2026-000123-REF", DocumentKind.REFUSAL,
        OffsetDateTime.of(2026, 4, 14, 11, 30, 0, 0, ZoneOffset.ofHours(5)), wko(),
        new ResultDocument.Applicant("040540000123", "ТОО \"Батыс Металл Трейд\"", null), "draft-78",
        "KZ-WKO-2026-000123", OffsetDateTime.of(2026, 3, 30, 10, 0, 0, 0, ZoneOffset.ofHours(5)),
        "scrap-metal-license", "issuance", null,
        new ResultDocument.Refusal("P10", "no weighing equipment",
            "Өлшеу жабдығы жоқ: біліктілік талаптарына сәйкес келмейді",
            "Отсутствует весовое оборудование: несоответствие квалификационным требованиям"),
        signer(), LINK);

    try (PDDocument document = Loader.loadPDF(renderer.render(refusal))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("ҚЫЗМЕТ КӨРСЕТУДЕН ДӘЛЕЛДІ БАС ТАРТУ", "МОТИВИРОВАННЫЙ ОТКАЗ В ОКАЗАНИИ УСЛУГИ",
          "№ KZ-WKO-2026-000123-REF",
          "Батыс Қазақстан облысының кәсіпкерлік және индустрия басқармасы Сіздің 30.03.2026 жылғы"
              + " № KZ-WKO-2026-000123 өтінішіңізді қарап, мынаны хабарлайды: Өлшеу жабдығы жоқ",
          "Управление предпринимательства и индустрии Западно-Казахстанской области, рассмотрев Ваше заявление"
              + " № KZ-WKO-2026-000123 от 30.03.2026, сообщает: Отсутствует весовое оборудование",
          "ҚАЙРАТОВ ӘЛІБЕК ҒАЛЫМҰЛЫ");
    }
  }

  @Test
  void longTextContinuesOnTheNextPageAndCharactersTheFontLacksPrintAsQuestionMarks() throws Exception {
    List<String> many = java.util.stream.IntStream.rangeClosed(1, 70).mapToObj(i -> "кіші түр " + i).toList();
    byte[] pdf = renderer.render(licence("KZ-WKO-LIC-2026-000043", many, "Орал \u2603\uD83D\uDE00 қ.\tтабуляция"));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("кіші түр 1", "кіші түр 70", "Орал ?? қ. табуляция");
    }
    assertThat(qrCodeOf(pdf)).isEqualTo(LINK);
  }

  @Test
  void initialsFollowTheFormSurnameAndInitials() {
    assertThat(DocumentRenderer.initials("ҚАЙРАТОВ ӘЛІБЕК ҒАЛЫМҰЛЫ")).isEqualTo("Қайратов Ә.Ғ.");
    assertThat(DocumentRenderer.initials("Ахметова Айгүл")).isEqualTo("Ахметова А.");
  }
}
