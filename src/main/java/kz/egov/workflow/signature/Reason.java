package kz.egov.workflow.signature;

/**
 * Why a signature is not accepted. Each reason has a fixed code (for gateways and refusal templates) and
 * a sentence in Kazakh, Russian and English; {@link SignatureVerdict.Message} adds the particulars.
 */
public enum Reason {
  MALFORMED("The signature is not a readable CMS (PKCS#7) SignedData",
      "Подпись не является корректным CMS (PKCS#7) SignedData",
      "Қолтаңба дұрыс CMS (PKCS#7) SignedData емес"),
  UNSUPPORTED_ALGORITHM("The signature uses an algorithm that is not supported",
      "Подпись использует неподдерживаемый алгоритм",
      "Қолтаңба қолдау көрсетілмейтін алгоритмді пайдаланады"),
  BAD_SIGNATURE("The signature does not match the signed content (the content was changed or the signature is damaged)",
      "Подпись не соответствует подписанным данным (данные изменены или подпись повреждена)",
      "Қолтаңба қол қойылған деректерге сәйкес келмейді (деректер өзгертілген немесе қолтаңба бүлінген)"),
  BAD_TIMESTAMP("The signature's timestamp is not valid",
      "Метка времени подписи недействительна",
      "Қолтаңбаның уақыт белгісі жарамсыз"),
  UNTRUSTED_CHAIN("The certificate was not issued by a trusted certification authority",
      "Сертификат выдан не доверенным удостоверяющим центром",
      "Сертификатты сенімді куәландырушы орталық бермеген"),
  EXPIRED("The certificate had expired at the signing time",
      "Срок действия сертификата истёк на момент подписания",
      "Қол қою сәтінде сертификаттың қолданылу мерзімі өтіп кеткен"),
  NOT_YET_VALID("The certificate was not yet valid at the signing time",
      "Сертификат ещё не действовал на момент подписания",
      "Қол қою сәтінде сертификат әлі күшіне енбеген"),
  REVOKED("The certificate is revoked",
      "Сертификат отозван",
      "Сертификат кері қайтарып алынған"),
  REVOCATION_UNKNOWN("The certificate's revocation status could not be established",
      "Не удалось установить статус отзыва сертификата",
      "Сертификаттың кері қайтарып алыну мәртебесін анықтау мүмкін болмады"),
  NOT_A_SIGNING_CERTIFICATE("The certificate is not a signing certificate (no non-repudiation key usage), e.g. an authentication certificate",
      "Сертификат не предназначен для подписи (нет назначения «неотрекаемость»), например, это сертификат аутентификации",
      "Сертификат қол қоюға арналмаған (бас тартпау мақсаты жоқ), мысалы, бұл аутентификация сертификаты"),
  IIN_MISMATCH("The IIN of the certificate differs from the IIN of the request",
      "ИИН сертификата не совпадает с ИИН заявки",
      "Сертификаттың ЖСН-і өтініштегі ЖСН-мен сәйкес келмейді"),
  BIN_MISMATCH("The BIN of the certificate differs from the BIN of the request",
      "БИН сертификата не совпадает с БИН заявки",
      "Сертификаттың БСН-і өтініштегі БСН-мен сәйкес келмейді"),
  NOT_AUTHORISED_TO_SIGN("The certificate holder may not sign for the legal entity (neither first head nor a person who may sign)",
      "Владелец сертификата не имеет права подписи от имени юридического лица (не первый руководитель и не лицо с правом подписи)",
      "Сертификат иесінің заңды тұлға атынан қол қою құқығы жоқ (бірінші басшы да, қол қою құқығы бар тұлға да емес)");

  private final String en;
  private final String ru;
  private final String kk;

  Reason(String en, String ru, String kk) {
    this.en = en;
    this.ru = ru;
    this.kk = kk;
  }

  public String en() {
    return en;
  }

  public String ru() {
    return ru;
  }

  public String kk() {
    return kk;
  }
}
