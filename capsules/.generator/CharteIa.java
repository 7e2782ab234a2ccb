import java.util.List;
final class CharteIa { static List<Doc> docs() { return List.of(); } }
