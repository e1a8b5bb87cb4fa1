package kz.egov.workflow.documents;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import kz.egov.workflow.identity.IdentificationNumbers;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.springframework.stereotype.Component;

/**
 * Renders a {@link ResultDocument} as an A4 PDF in Kazakh and Russian (the state language first, each label in
 * both), with a QR code that carries the verification link. The font is Liberation Sans, which Apache PDFBox ships
 * (SIL Open Font License 1.1): it has every Kazakh letter (ә ғ қ ң ө ұ ү һ і) and is embedded as a subset, so the
 * text is searchable and extractable. Headings are drawn with fill and stroke (no bold face ships with it).
 */
@Component
public class DocumentRenderer {

  static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);
  private static final String LEGAL_EFFECT_KK = "«Электрондық құжат және электрондық цифрлық қолтаңба туралы»"
      + " Қазақстан Республикасы Заңының 7-бабы 1-тармағына сәйкес осы құжат қағаз жеткізгіштегі құжатпен бірдей.";
  private static final String LEGAL_EFFECT_RU = "Данный документ согласно пункту 1 статьи 7 Закона Республики"
      + " Казахстан «Об электронном документе и электронной цифровой подписи» равнозначен документу на бумажном"
      + " носителе.";

  public byte[] render(ResultDocument document) {
    try (PDDocument pdf = new PDDocument(); InputStream font = DocumentRenderer.class.getResourceAsStream(FONT)) {
      if (font == null) {
        throw new IllegalStateException("font " + FONT + " is not on the classpath (org.apache.pdfbox:pdfbox)");
      }
      PDType0Font regular = PDType0Font.load(pdf, font, true);
      describe(pdf, document);
      try (Layout layout = new Layout(pdf, regular)) {
        header(layout, document);
        switch (document.kind()) {
          case LICENCE -> licence(layout, document);
          case REFUSAL -> refusal(layout, document);
          case CERTIFICATE -> certificate(layout, document);
          case ARCHIVAL_CERTIFICATE -> archivalCertificate(layout, document);
        }
        footer(layout, document);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("document " + document.number() + " cannot be rendered: " + e.getMessage(), e);
    }
  }

  private static void describe(PDDocument pdf, ResultDocument document) {
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(document.kind().titleRu() + " № " + document.number());
    info.setSubject(document.kind().titleKk() + " № " + document.number());
    info.setAuthor(document.provider().nameRu());
    info.setCreator("egov-workflow");
    GregorianCalendar issued = new GregorianCalendar(TimeZone.getTimeZone(document.issuedAt().getOffset()));
    issued.setTimeInMillis(document.issuedAt().toInstant().toEpochMilli());
    info.setCreationDate(issued);
    info.setModificationDate((Calendar) issued.clone());
  }

  private static void header(Layout layout, ResultDocument document) throws IOException {
    layout.centred(document.provider().nameKk(), 11, true);
    layout.centred(document.provider().nameRu(), 11, true);
    if (document.kind() == DocumentKind.REFUSAL && document.provider().detailsKk() != null) {
      // R5 appendix 3, motivated refusal: the authority's name and details
      layout.centred(document.provider().detailsKk(), 8.5f, false);
      if (!document.provider().detailsKk().equals(document.provider().detailsRu())) {
        layout.centred(document.provider().detailsRu(), 8.5f, false);
      }
    }
    layout.space(4);
    layout.rule();
    layout.space(14);
    layout.centred(document.kind().titleKk(), 14, true);
    layout.centred(document.kind().titleRu(), 14, true);
    if (document.licence() != null && document.licence().duplicate()) {
      layout.centred("ТЕЛНҰСҚА / ДУБЛИКАТ", 12, true);
    }
    layout.space(4);
    layout.centred("№ " + document.number(), 12, false);
    layout.space(14);
  }

  private static void licence(Layout layout, ResultDocument document) throws IOException {
    ResultDocument.Licence licence = document.licence();
    layout.field("Берілген күні / Дата выдачи", DATE.format(licence.issuedOn()));
    layout.field("Лицензия нөмірі / Номер лицензии", licence.number());
    layout.field("Лицензиат / Выдана", holder(document.applicant()));
    layout.field("Қызмет түрі / Вид деятельности", licence.activityKk() + "\n" + licence.activityRu());
    if (!licence.subtypes().isEmpty()) {
      layout.field("Қызметтің кіші түрлері / Подвиды деятельности",
          String.join("\n", licence.subtypes().stream().map(s -> "— " + s).toList()));
    }
    if (licence.place() != null) {
      layout.field("Қызметті жүзеге асыру орны / Место осуществления деятельности", licence.place());
    }
    layout.field("Лицензияның ерекше шарттары / Особые условия действия лицензии",
        licence.specialConditions() == null ? "жоқ / нет" : licence.specialConditions());
    layout.field("Лицензиар / Лицензиар", document.provider().nameKk() + "\n" + document.provider().nameRu());
    layout.field(position(document.signer()), initials(document.signer().name()));
    layout.field("Берілген орны / Место выдачи", place(document.provider()));
    application(layout, document);
    paperCopy(layout, document);
  }

  /**
   * R5 appendix 3: the block a paper copy of the electronic licence is certified in by the licensor (Law on
   * Licensing of 10 July 2012, art. 10): the state body and its head fill it in by hand on the printed copy.
   */
  private static void paperCopy(Layout layout, ResultDocument document) throws IOException {
    layout.keep(150);
    layout.space(8);
    layout.paragraph("Қағаз жеткізгіштегі көшірмені растау / Удостоверение копии на бумажном носителе", 9);
    layout.space(4);
    layout.field("Құжатты қағаз тасымалдаушысында растаған мемлекеттік орган / Государственный орган, удостоверивший"
        + " документ на бумажном носителе", document.provider().nameKk() + "\n" + document.provider().nameRu());
    layout.field("Құжатты қағаз тасымалдаушысында растаған басшы (уәкілетті адам) / Руководитель (уполномоченное"
        + " лицо), удостоверивший документ на бумажном носителе", "________________________ (Т.А.Ә. / Ф.И.О.)");
    layout.field("Мөр орны / Место печати", "М.О. / М.П.");
    layout.field("Лицензияның расталған күні / Дата удостоверения лицензии", "«___» _______________ 20___ ж. / г.");
    layout.paragraph("Берілген құжат 2012 жылғы 10 шілдедегі Қазақстан Республикасының «Лицензиялау туралы» Заңының"
        + " 10-бабы негізінде лицензиармен расталған. / Данный документ удостоверен лицензиаром согласно статье 10"
        + " Закона Республики Казахстан «О лицензировании» от 10 июля 2012 года.", 8.5f);
  }

  private static void refusal(Layout layout, ResultDocument document) throws IOException {
    ResultDocument.Refusal refusal = document.refusal();
    layout.field("Күні / Дата", DATE.format(document.issuedAt()));
    layout.field("Өтініш беруші / Заявитель", holder(document.applicant()));
    application(layout, document);
    layout.space(10);
    String number = document.applicationNumber();
    OffsetDateTime registered = document.applicationRegisteredAt();
    String kk = document.provider().nameKk() + " Сіздің "
        + (registered == null ? "" : DATE.format(registered) + " жылғы ") + "№ " + number
        + " өтінішіңізді қарап, мынаны хабарлайды: " + refusal.reasonKk();
    String ru = document.provider().nameRu() + ", рассмотрев Ваше заявление № " + number
        + (registered == null ? "" : " от " + DATE.format(registered)) + ", сообщает: " + refusal.reasonRu();
    layout.paragraph(kk, 11);
    layout.space(6);
    layout.paragraph(ru, 11);
    layout.space(10);
    layout.field(position(document.signer()), document.signer().name());
  }

  /** R1 P9, R3 step 5: the holder, the values (description and quantity), where to, what for, for how long. */
  private static void certificate(Layout layout, ResultDocument document) throws IOException {
    ResultDocument.Certificate certificate = document.certificate();
    layout.field("Берілген күні / Дата выдачи", DATE.format(document.issuedAt()));
    layout.field("Куәлік иесі / Владелец свидетельства", holder(document.applicant()));
    List<String> values = new ArrayList<>();
    int position = 1;
    for (ResultDocument.CulturalValue value : certificate.values()) {
      values.add(position++ + ". " + value.description() + " — " + value.quantity() + " дана / шт.");
    }
    layout.field("Мәдени құндылықтар / Культурные ценности", String.join("\n", values));
    layout.field("Әкетілетін ел / Страна вывоза", certificate.destinationCountry());
    layout.field("Әкету мақсаты / Цель вывоза", certificate.purpose());
    layout.field("Уақытша әкету мерзімі / Срок временного вывоза", DATE.format(certificate.exportFrom()) + " — "
        + DATE.format(certificate.exportUntil()));
    layout.field("Куәлікті берген орган / Орган, выдавший свидетельство",
        document.provider().nameKk() + "\n" + document.provider().nameRu());
    layout.field(position(document.signer()), initials(document.signer().name()));
    layout.field("Берілген орны / Место выдачи", place(document.provider()));
    application(layout, document);
  }

  /** R4 appendix 5: the applicant, the kind of certificate, the information confirmed, the archive and its files. */
  private static void archivalCertificate(Layout layout, ResultDocument document) throws IOException {
    ResultDocument.ArchivalCertificate archival = document.archivalCertificate();
    layout.field("Күні / Дата", DATE.format(document.issuedAt()));
    layout.field("Өтініш беруші / Заявитель", holder(document.applicant()));
    layout.field("Анықтама түрі / Вид справки", archival.kindKk().equals(archival.kindRu()) ? archival.kindKk()
        : archival.kindKk() + " / " + archival.kindRu());
    application(layout, document);
    layout.space(6);
    layout.paragraph("Мұрағаттық құжаттар бойынша мынадай мәліметтер расталады / По архивным документам"
        + " подтверждаются следующие сведения:", 10);
    layout.space(4);
    layout.paragraph(archival.confirmedInformation(), 11);
    layout.space(8);
    layout.field("Мұрағат / Архив", archival.archive());
    if (!archival.references().isEmpty()) {
      layout.field("Негіздеме / Основание", String.join("\n", archival.references()));
    }
    layout.field(position(document.signer()), initials(document.signer().name()));
  }

  private static void application(Layout layout, ResultDocument document) throws IOException {
    if (document.applicationNumber() == null) {
      return;
    }
    String kind = switch (document.requestKind() == null ? "" : document.requestKind()) {
      case "issuance" -> " (беру / выдача)";
      case "re-issuance" -> " (қайта ресімдеу / переоформление)";
      case "duplicate" -> " (телнұсқа беру / выдача дубликата)";
      default -> "";
    };
    String registered = document.applicationRegisteredAt() == null ? ""
        : ", " + DATE.format(document.applicationRegisteredAt());
    layout.field("Өтініш / Заявление", "№ " + document.applicationNumber() + registered + kind);
  }

  private static void footer(Layout layout, ResultDocument document) throws IOException {
    float qr = 92;
    layout.keep(qr + 60);
    layout.space(18);
    layout.rule();
    layout.space(8);
    ResultDocument.Signer signer = document.signer();
    StringBuilder signed = new StringBuilder("ЭЦҚ қойылған / Подписано ЭЦП: ").append(signer.name());
    if (signer.organisation() != null) {
      signed.append(", ").append(signer.organisation());
    }
    if (signer.bin() != null) {
      signed.append(", БСН / БИН ").append(signer.bin());
    }
    signed.append(", ").append(DATE_TIME.format(document.issuedAt())).append(" (UTC+5)");
    layout.paragraph(signed.toString(), 8.5f);
    layout.space(8);
    float top = layout.y();
    layout.qrCode(VerificationCode.of(document.verificationUrl()), qr);
    layout.beside(qr + 14, top, List.of(
        new Line("Құжаттың түпнұсқалығын тексеру / Проверка подлинности документа:", 8.5f, true),
        new Line(document.verificationUrl(), 8.5f, false),
        new Line(LEGAL_EFFECT_KK, 7.5f, false),
        new Line(LEGAL_EFFECT_RU, 7.5f, false)));
    layout.below(top - qr);
  }

  private static String holder(ResultDocument.Applicant applicant) {
    String id = IdentificationNumbers.looksLikeBin(applicant.id()) ? "БСН / БИН " : "ЖСН / ИИН ";
    StringBuilder text = new StringBuilder(applicant.name()).append("\n").append(id).append(applicant.id());
    if (applicant.address() != null) {
      text.append("\n").append(applicant.address());
    }
    return text.toString();
  }

  private static String place(ResultDocument.Provider provider) {
    if (provider.placeKk() == null && provider.placeRu() == null) {
      return "—";
    }
    return provider.placeKk() + " / " + provider.placeRu();
  }

  private static String position(ResultDocument.Signer signer) {
    return signer.head() ? "Басшы / Руководитель" : "Уәкілетті тұлға / Уполномоченное лицо";
  }

  /** "SURNAME NAME PATRONYMIC" as the NCA writes it → "Surname N. P." (R5 appendix 3: surname, initials). */
  static String initials(String name) {
    if (name == null || name.isBlank()) {
      return "—";
    }
    String[] words = name.strip().split("\\s+");
    StringBuilder text = new StringBuilder(capitalised(words[0]));
    for (int i = 1; i < words.length; i++) {
      text.append(i == 1 ? " " : "").append(words[i].substring(0, 1).toUpperCase(Locale.ROOT)).append('.');
    }
    return text.toString();
  }

  private static String capitalised(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
  }

  private record Line(String text, float size, boolean strong) {}

  /** Pages, a cursor and wrapped text in one font; a new page begins when the text reaches the bottom margin. */
  private static final class Layout implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float LABEL_WIDTH = 190;
    private static final float GAP = 12;

    private final PDDocument pdf;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream content;
    private float y;

    Layout(PDDocument pdf, PDType0Font font) throws IOException {
      this.pdf = pdf;
      this.font = font;
      newPage();
    }

    float y() {
      return y;
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      content = new PDPageContentStream(pdf, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Makes room for {@code height} points on this page, or begins the next. */
    void keep(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    void space(float points) {
      y -= points;
    }

    void below(float newY) {
      y = Math.min(y, newY);
    }

    void rule() throws IOException {
      content.setLineWidth(0.6f);
      content.moveTo(MARGIN, y);
      content.lineTo(MARGIN + width, y);
      content.stroke();
    }

    void centred(String text, float size, boolean strong) throws IOException {
      for (String line : wrap(text, size, width)) {
        keep(size * 1.35f);
        y -= size * 1.35f;
        float x = MARGIN + (width - textWidth(line, size)) / 2;
        show(line, x, y, size, strong);
      }
    }

    void paragraph(String text, float size) throws IOException {
      for (String line : wrap(text, size, width)) {
        keep(size * 1.35f);
        y -= size * 1.35f;
        show(line, MARGIN, y, size, false);
      }
    }

    /** A label (Kazakh / Russian) on the left, its value wrapped on the right. */
    void field(String label, String value) throws IOException {
      float size = 10;
      float leading = size * 1.35f;
      List<String> labels = wrap(label, 8.5f, LABEL_WIDTH);
      List<String> values = wrap(value, size, width - LABEL_WIDTH - GAP);
      float height = Math.max(labels.size() * 8.5f * 1.35f, values.size() * leading);
      if (height + leading < PDRectangle.A4.getHeight() - 2 * MARGIN) {
        keep(height + 6);
      }
      float top = y;
      float labelY = top;
      for (String line : labels) {
        labelY -= 8.5f * 1.35f;
        content.setNonStrokingColor(0.35f, 0.35f, 0.35f);
        show(line, MARGIN, labelY, 8.5f, false);
        content.setNonStrokingColor(0f, 0f, 0f);
      }
      float valueY = top;
      for (String line : values) {
        if (valueY - leading < MARGIN) {
          newPage();
          valueY = y;
        }
        valueY -= leading;
        show(line, MARGIN + LABEL_WIDTH + GAP, valueY, size, false);
      }
      y = Math.min(labelY, valueY) - 6;
    }

    /** Lines to the right of something drawn at the left margin, starting at {@code top}. */
    void beside(float indent, float top, List<Line> lines) throws IOException {
      float lineY = top;
      for (Line line : lines) {
        for (String text : wrap(line.text(), line.size(), width - indent)) {
          lineY -= line.size() * 1.35f;
          show(text, MARGIN + indent, lineY, line.size(), line.strong());
        }
        lineY -= 3;
      }
      y = Math.min(y, lineY);
    }

    /** The QR code's dark modules as filled squares, {@code size} points wide, top-left at the cursor. */
    void qrCode(BitMatrix matrix, float size) throws IOException {
      float module = size / matrix.getWidth();
      float left = MARGIN;
      float top = y;
      for (int row = 0; row < matrix.getHeight(); row++) {
        for (int column = 0; column < matrix.getWidth(); column++) {
          if (matrix.get(column, row)) {
            content.addRect(left + column * module, top - (row + 1) * module, module, module);
          }
        }
      }
      content.setNonStrokingColor(0f, 0f, 0f);
      content.fill();
    }

    private void show(String line, float x, float baseline, float size, boolean strong) throws IOException {
      content.beginText();
      content.setFont(font, size);
      if (strong) {
        content.setRenderingMode(RenderingMode.FILL_STROKE);
        content.setLineWidth(size / 30);
      }
      content.newLineAtOffset(x, baseline);
      content.showText(line);
      if (strong) {
        content.setRenderingMode(RenderingMode.FILL);
      }
      content.endText();
    }

    private float textWidth(String text, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    /** Splits on line breaks, then wraps at spaces (a word longer than the width is cut). */
    private List<String> wrap(String text, float size, float maxWidth) throws IOException {
      List<String> lines = new ArrayList<>();
      for (String paragraph : printableText(text).split("\n", -1)) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
          String candidate = line.isEmpty() ? word : line + " " + word;
          if (textWidth(candidate, size) <= maxWidth) {
            line.setLength(0);
            line.append(candidate);
            continue;
          }
          if (!line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
          }
          while (textWidth(word, size) > maxWidth && word.length() > 1) {
            int cut = word.length() - 1;
            while (cut > 1 && textWidth(word.substring(0, cut), size) > maxWidth) {
              cut--;
            }
            lines.add(word.substring(0, cut));
            word = word.substring(cut);
          }
          line.append(word);
        }
        lines.add(line.toString());
      }
      return lines;
    }

    /** Applicants' text may hold characters the font lacks (or controls): those print as '?', never fail. */
    private String printableText(String text) {
      String value = text == null ? "—" : text.replace("\r\n", "\n").replace('\t', ' ');
      StringBuilder out = new StringBuilder(value.length());
      value.codePoints().forEach(c -> {
        if (c == '\n') {
          out.append('\n');
        } else if (printable.computeIfAbsent(c, this::hasGlyph)) {
          out.appendCodePoint(c);
        } else {
          out.append('?');
        }
      });
      return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
      if (Character.isISOControl(codePoint)) {
        return false;
      }
      try {
        font.encode(new String(Character.toChars(codePoint)));
        return true;
      } catch (IllegalArgumentException | IOException e) {
        return false;
      }
    }

    @Override
    public void close() throws IOException {
      content.close();
    }
  }
}
