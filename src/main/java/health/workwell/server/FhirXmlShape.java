package health.workwell.server;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML rules of FHIR R4 xml.html that HAPI's parser does not enforce (it ignores instead): the root element is
 * in the FHIR namespace ({@code http://hl7.org/fhir}); values are in {@code value} attributes, so an element has no
 * text of its own (only the XHTML narrative does); no processing instructions and no CDATA sections. (DOCTYPEs are
 * refused before, by {@link XmlDoctypeRefusal}.) Returns the first problem, or null.
 */
final class FhirXmlShape {

	static final String FHIR_NAMESPACE = "http://hl7.org/fhir";
	private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
	private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		FACTORY.setProperty(XMLInputFactory.IS_COALESCING, false);
		FACTORY.setProperty("http://java.sun.com/xml/stream/properties/report-cdata-event", true);
	}

	private FhirXmlShape() {}

	static String problem(String xml) {
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.createXMLStreamReader(new StringReader(xml));
			boolean root = true;
			int xhtmlDepth = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				switch (event) {
					case XMLStreamConstants.START_ELEMENT -> {
						if (root && !FHIR_NAMESPACE.equals(reader.getNamespaceURI())) {
							return "the root element is not in the FHIR namespace " + FHIR_NAMESPACE;
						}
						root = false;
						if (xhtmlDepth > 0 || XHTML_NAMESPACE.equals(reader.getNamespaceURI())) {
							xhtmlDepth++;
						}
					}
					case XMLStreamConstants.END_ELEMENT -> xhtmlDepth = Math.max(0, xhtmlDepth - (xhtmlDepth > 0 ? 1 : 0));
					case XMLStreamConstants.CHARACTERS -> {
						if (xhtmlDepth == 0 && !reader.isWhiteSpace() && !reader.getText().isBlank()) {
							return "text inside an element at line " + reader.getLocation().getLineNumber()
									+ " (FHIR XML values are given in value attributes)";
						}
					}
					case XMLStreamConstants.CDATA -> {
						return "a CDATA section (not used in FHIR XML)";
					}
					case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
						return "a processing instruction (not used in FHIR XML)";
					}
					default -> {
						// comments, whitespace and the XML declaration are fine
					}
				}
			}
			return null;
		} catch (XMLStreamException e) {
			return null; // not well-formed: HAPI's parser says why
		} finally {
			if (reader != null) {
				try {
					reader.close();
				} catch (XMLStreamException ignored) {
					// nothing to release
				}
			}
		}
	}
}
