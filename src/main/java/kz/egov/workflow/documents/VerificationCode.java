package kz.egov.workflow.documents;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.BarcodeFormat;
import java.util.Map;

/** The QR code printed on a document: its modules (ZXing), drawn by the renderer as vector squares. */
final class VerificationCode {

  private VerificationCode() {}

  /** One module per cell, no quiet zone (the renderer leaves white space around it); error correction M. */
  static BitMatrix of(String link) {
    try {
      return new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET, "UTF-8",
          EncodeHintType.MARGIN, 0));
    } catch (WriterException e) {
      throw new IllegalStateException("the verification link cannot be put in a QR code: " + link, e);
    }
  }
}
